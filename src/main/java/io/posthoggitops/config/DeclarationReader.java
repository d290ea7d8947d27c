package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.JsonTypes;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.Suggestions;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Declaration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one parsed document into a {@link Declaration}: its kind, identity, {@code id:} pin,
 * tombstone flag and {@code ignore_changes}, reporting what is missing or malformed in those keys
 * of ours. PostHog's own fields are checked elsewhere.
 */
final class DeclarationReader {

  private static final List<String> KIND_NAMES = Kinds.all().stream().map(Kind::name).toList();

  private final ParsedDocument document;
  private final Findings findings;

  private DeclarationReader(ParsedDocument document, Findings findings) {
    this.document = document;
    this.findings = findings;
  }

  /** The declaration, or empty when the document has no usable kind or identity. */
  static Optional<Declaration> read(ParsedDocument document, Findings findings) {
    return new DeclarationReader(document, findings).read();
  }

  private Optional<Declaration> read() {
    if (!(document.root() instanceof ObjectNode root)) {
      findings.error(
          document.start(),
          "a document must be a mapping that starts with `kind:`, not "
              + JsonTypes.describe(document.root())
              + ".");
      return Optional.empty();
    }
    Optional<Kind> kind = kind(root);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> identity = identity(root, kind.get());
    LiveId pinnedId = pinnedId(root, kind.get());
    boolean tombstone = tombstone(root);
    Set<String> ignoreChanges = tombstone ? Set.of() : ignoreChanges(root, kind.get());
    if (identity.isEmpty()) {
      return Optional.empty();
    }
    // The values are shared with the parsed document, not copied: nothing writes to either after
    // parsing, and a large folder's documents are then held once.
    ObjectNode fields = root.objectNode();
    root.properties().stream()
        .filter(field -> !KindSpec.COMMON_KEYS.contains(field.getKey()))
        .forEach(field -> fields.set(field.getKey(), field.getValue()));
    return Optional.of(
        new Declaration(
            kind.get(),
            identity.get(),
            pinnedId,
            tombstone,
            fields,
            ignoreChanges,
            document.start(),
            document.keyLocations()));
  }

  private Optional<Kind> kind(ObjectNode root) {
    JsonNode kind = root.get("kind");
    if (kind == null) {
      findings.error(
          document.start(),
          "missing `kind`; add `kind:` with one of " + String.join(", ", KIND_NAMES) + ".");
      return Optional.empty();
    }
    Optional<Kind> found = kind.isTextual() ? Kinds.named(kind.asText()) : Optional.empty();
    if (found.isEmpty()) {
      String text = kind.asText();
      String hint = Suggestions.didYouMean(text, KIND_NAMES);
      findings.error(
          document.value("/kind"),
          "unknown kind `"
              + text
              + "`"
              + (hint.isEmpty() ? "; use one of " + String.join(", ", KIND_NAMES) + "." : hint));
    }
    return found;
  }

  private Optional<String> identity(ObjectNode root, Kind kind) {
    String field = kind.identityField();
    JsonNode value = root.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      if (kind.identityMayBeBlank() && root.has("id")) {
        return Optional.of(value == null || value.isNull() ? "" : value.asText());
      }
      findings.error(
          value == null ? document.start() : document.value("/" + field),
          "missing `"
              + field
              + "`, which identifies each "
              + kind.name()
              + " document"
              + (kind.identityMayBeBlank()
                  ? "; where the object has no " + field + " in PostHog, declare its `id:` instead."
                  : "."));
      return Optional.empty();
    }
    if (!value.isTextual()) {
      findings.error(
          document.value("/" + field),
          "`"
              + field
              + "` must be a string, not "
              + JsonTypes.describe(value)
              + "; quote it: "
              + field
              + ": \""
              + value.asText()
              + "\"");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  private LiveId pinnedId(ObjectNode root, Kind kind) {
    JsonNode id = root.get("id");
    if (id == null) {
      return null;
    }
    Optional<LiveId> parsed = kind.idFormat().parse(id);
    if (parsed.isEmpty()) {
      findings.error(
          document.value("/id"),
          "`id` must be "
              + kind.idFormat().description()
              + " (the live object's id), not `"
              + id.asText()
              + "`.");
    }
    return parsed.orElse(null);
  }

  private boolean tombstone(ObjectNode root) {
    JsonNode deleted = root.get("deleted");
    if (deleted != null && !deleted.isBoolean()) {
      findings.error(
          document.value("/deleted"),
          "`deleted` must be true or false, not `" + deleted.asText() + "`.");
      return false;
    }
    return deleted != null && deleted.asBoolean();
  }

  private Set<String> ignoreChanges(ObjectNode root, Kind kind) {
    JsonNode list = root.get("ignore_changes");
    Set<String> names = new LinkedHashSet<>();
    if (list == null) {
      return names;
    }
    if (!list.isArray()) {
      findings.error(
          document.value("/ignore_changes"),
          "`ignore_changes` must be a list of field names, e.g. [active].");
      return names;
    }
    Set<String> writable = kind.spec().fields().keySet();
    for (int i = 0; i < list.size(); i++) {
      String name = list.get(i).asText();
      if (!list.get(i).isTextual() || !writable.contains(name)) {
        findings.error(
            document.key("/ignore_changes/" + i),
            "`ignore_changes` names `"
                + name
                + "`, which is not a writable field of "
                + kind.name()
                + Suggestions.orPeriod(name, writable));
      } else {
        names.add(name);
      }
    }
    return names;
  }
}
