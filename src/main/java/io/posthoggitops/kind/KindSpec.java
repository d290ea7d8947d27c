package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.posthoggitops.kind.FieldSpec.Canon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind's fields as data: its writable top-level fields with PostHog's defaults, and the read-only
 * fields PostHog adds. Validation, the JSON Schema, the canonical form and export all read this
 * table, so they cannot disagree about what a field is.
 *
 * @param fields writable fields in the order documents usually write them
 * @param serverFields fields PostHog computes; never declared, compared or exported
 */
public record KindSpec(Map<String, FieldSpec> fields, Set<String> serverFields) {

  /** Keys of ours that any document may carry besides PostHog's fields. */
  public static final List<String> COMMON_KEYS =
      List.of("kind", "id", "deleted", "ignore_changes", "environments", "only");

  /** Read-only fields most kinds carry (creator, timestamps, access levels). */
  public static final List<String> COMMON_SERVER_FIELDS =
      List.of(
          "id",
          "created_at",
          "created_by",
          "updated_at",
          "last_modified_by",
          "last_modified_at",
          "user_access_level",
          "can_edit",
          "effective_restriction_level",
          "effective_privilege_level",
          "access_control_version",
          "search_match_type",
          "last_viewed_at",
          "last_accessed_at",
          "last_refresh",
          "is_cached",
          "team_id",
          "folder",
          "_create_in_folder");

  public Optional<FieldSpec> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a spec field by field; defaults are JSON literals, as the API contract gives them. */
  public static final class Builder {
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final List<String> server = new ArrayList<>();

    private Builder() {}

    /** An optional field; {@code defaultJson} null means "compared only when declared". */
    public Builder field(String name, ValueType type, String defaultJson, String description) {
      return add(
          new FieldSpec(
              name, type, json(defaultJson), false, description, Canon.AS_IS, null, true));
    }

    public Builder required(String name, ValueType type, String description) {
      return add(new FieldSpec(name, type, null, true, description, Canon.AS_IS, null, true));
    }

    /** A string field with a fixed set of values; a null default means PostHog stores null. */
    public Builder choice(
        String name, String defaultValue, List<String> allowed, String description) {
      JsonNode dflt =
          defaultValue == null
              ? JsonNodeFactory.instance.nullNode()
              : JsonNodeFactory.instance.textNode(defaultValue);
      ValueType type = ValueType.oneOf(allowed.toArray(String[]::new));
      return add(new FieldSpec(name, type, dflt, false, description, Canon.AS_IS, null, true));
    }

    /**
     * A list of strings PostHog stores as a set, and only when the organisation has {@code feature}
     * (tags and evaluation contexts without PostHog's paid tagging feature are dropped).
     */
    public Builder stringSet(String name, Canon canon, String feature, String description) {
      return add(
          new FieldSpec(
              name,
              ValueType.listOf(ValueType.STRING),
              json("[]"),
              false,
              description,
              canon,
              feature,
              true));
    }

    /** A field of ours, compared like the others but written through its own requests. */
    public Builder ours(String name, ValueType type, String defaultJson, String description) {
      return add(
          new FieldSpec(
              name, type, json(defaultJson), false, description, Canon.AS_IS, null, false));
    }

    public Builder server(List<String> names) {
      server.addAll(names);
      return this;
    }

    public Builder server(String... names) {
      return server(List.of(names));
    }

    public KindSpec build() {
      return new KindSpec(Collections.unmodifiableMap(fields), Set.copyOf(server));
    }

    private Builder add(FieldSpec field) {
      fields.put(field.name(), field);
      return this;
    }

    private static JsonNode json(String literal) {
      if (literal == null) {
        return null;
      }
      try {
        return CanonicalJson.JSON.readTree(literal);
      } catch (IOException e) {
        throw new IllegalStateException("bad default " + literal, e);
      }
    }
  }
}
