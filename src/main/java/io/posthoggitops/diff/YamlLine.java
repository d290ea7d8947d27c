package io.posthoggitops.diff;

/**
 * One line of canonical YAML and the path of the value it shows, so a diff hunk can be labelled
 * with where in the object it sits.
 *
 * @param text the line, indentation included
 * @param path e.g. {@code filters.groups[1].rollout_percentage}; empty for the root
 */
public record YamlLine(String text, String path) {}
