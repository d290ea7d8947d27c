package io.posthoggitops.kind;

/**
 * Something a kind refuses to plan, at a field of the declaration.
 *
 * @param pointer JSON pointer of the field, e.g. {@code /status}
 * @param message one sentence saying what is wrong and what to do
 */
public record Problem(String pointer, String message) {}
