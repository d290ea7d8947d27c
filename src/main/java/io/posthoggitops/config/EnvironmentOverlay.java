package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.kind.JsonTypes;
import io.posthoggitops.kind.Suggestions;
import io.posthoggitops.model.SourceLocation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A document as one environment sees it (docs/format/environments.md): its {@code environments:}
 * entry for that environment deep-merged over it (mappings key by key, lists and scalars replaced
 * whole), and left out where its {@code only:} does not name the environment. With no environment
 * selected, a document is read without overrides and one with {@code only:} is left out. Names the
 * config file does not list are refused, so a typo never drops a document silently.
 */
final class EnvironmentOverlay {

  static final String ENVIRONMENTS = "environments";
  static final String ONLY = "only";
  private static final List<String> NOT_OVERRIDDEN = List.of("kind", ENVIRONMENTS, ONLY);

  private final ParsedDocument document;
  private final ObjectNode root;
  private final List<String> known;
  private final Findings findings;

  private EnvironmentOverlay(
      ParsedDocument document, ObjectNode root, List<String> known, Findings findings) {
    this.document = document;
    this.root = root;
    this.known = known;
    this.findings = findings;
  }

  /**
   * The merged document, with the positions of overridden values pointing into the override, and
   * the positions the override holds (for naming the environment in messages); empty when {@code
   * only:} leaves the document out of {@code selected}.
   *
   * @param known the environments of the config file, in order
   * @param selected the environment planned, or null for none
   */
  static Optional<View> view(
      ParsedDocument document, List<String> known, String selected, Findings findings) {
    if (!(document.root() instanceof ObjectNode root)
        || !root.has(ENVIRONMENTS) && !root.has(ONLY)) {
      return Optional.of(new View(document, Set.of()));
    }
    return new EnvironmentOverlay(document, root, known, findings).view(selected);
  }

  /**
   * @param document the document as the environment sees it
   * @param overridePositions where that environment's override values are written
   */
  record View(ParsedDocument document, Set<SourceLocation> overridePositions) {}

  private Optional<View> view(String selected) {
    Set<String> only = only();
    Map<String, ObjectNode> overrides = overrides();
    if (only != null && !only.isEmpty()) {
      warnUnused(overrides.keySet(), only);
    }
    if (only != null && (selected == null || !only.contains(selected))) {
      return Optional.empty();
    }
    ObjectNode merged = root.deepCopy();
    merged.remove(List.of(ENVIRONMENTS, ONLY));
    Map<String, SourceLocation> keys = new HashMap<>(document.keyLocations());
    Map<String, SourceLocation> values = new HashMap<>(document.valueLocations());
    Set<SourceLocation> positions = new HashSet<>();
    ObjectNode override = selected == null ? null : overrides.get(selected);
    if (override != null) {
      String from = FieldPath.member("/" + ENVIRONMENTS, selected);
      OverrideMerge.merge(merged, override, "", from, keys, values, positions);
    }
    return Optional.of(
        new View(new ParsedDocument(merged, document.start(), keys, values), positions));
  }

  /** An override for an environment that {@code only:} leaves the document out of is dead text. */
  private void warnUnused(Set<String> overridden, Set<String> only) {
    for (String name : overridden) {
      if (!only.contains(name)) {
        findings.warning(
            document.key(FieldPath.member("/" + ENVIRONMENTS, name)),
            "the override for environment "
                + name
                + " never applies: `only` leaves this document out of "
                + name
                + "; add "
                + name
                + " to `only` or remove the override.");
      }
    }
  }

  /** {@code only:} as a set of known names, or null when the document has none. */
  private Set<String> only() {
    JsonNode list = root.get(ONLY);
    if (list == null) {
      return null;
    }
    Set<String> names = new HashSet<>();
    if (!list.isArray() || list.isEmpty()) {
      findings.error(
          document.value("/" + ONLY),
          "`only` must be a list of environment names, e.g. [staging], not "
              + JsonTypes.describe(list)
              + ".");
      return names;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (checkName(item.asText(), item.isTextual(), document.value("/" + ONLY + "/" + i))) {
        names.add(item.asText());
      }
    }
    return names;
  }

  /** The {@code environments:} entries of known environments that are mappings. */
  private Map<String, ObjectNode> overrides() {
    JsonNode section = root.get(ENVIRONMENTS);
    Map<String, ObjectNode> overrides = new HashMap<>();
    if (section == null) {
      return overrides;
    }
    if (!(section instanceof ObjectNode entries)) {
      findings.error(
          document.value("/" + ENVIRONMENTS),
          "`environments` must map environment names to field overrides, e.g."
              + " {production: {active: false}}, not "
              + JsonTypes.describe(section)
              + ".");
      return overrides;
    }
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      String pointer = FieldPath.member("/" + ENVIRONMENTS, entry.getKey());
      if (!checkName(entry.getKey(), true, document.key(pointer))) {
        continue;
      }
      if (entry.getValue() instanceof ObjectNode override) {
        refuseOverriddenKeys(override, pointer);
        overrides.put(entry.getKey(), override);
      } else {
        findings.error(
            document.value(pointer),
            "the override for environment "
                + entry.getKey()
                + " must be a mapping of fields, e.g. {active: false}, not "
                + JsonTypes.describe(entry.getValue())
                + ".");
      }
    }
    return overrides;
  }

  private void refuseOverriddenKeys(ObjectNode override, String pointer) {
    for (String key : NOT_OVERRIDDEN) {
      if (override.has(key)) {
        findings.error(
            document.key(pointer + "/" + key),
            "`"
                + key
                + "` cannot differ per environment; write a separate document"
                + (key.equals("kind") ? "" : " or set it on the document itself")
                + ".");
      }
    }
  }

  /** A name the config file lists; otherwise an error at {@code where}, with a suggestion. */
  private boolean checkName(String name, boolean textual, SourceLocation where) {
    if (textual && known.contains(name)) {
      return true;
    }
    String hint = textual ? Suggestions.didYouMean(name, known) : "";
    findings.error(
        where,
        "unknown environment `"
            + name
            + "`"
            + (!hint.isEmpty()
                ? hint
                : known.isEmpty()
                    ? ": the config file names no environments; add `environments: {"
                        + name
                        + ": {project: ID}}` to "
                        + ProjectConfig.DEFAULT_FILE
                        + "."
                    : "; the config file names " + String.join(", ", known) + "."));
    return false;
  }
}
