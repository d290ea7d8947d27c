package io.posthoggitops.kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping nested inside a declaration (flag filters, a cohort leaf, an action step...): its
 * members and which of them are required.
 *
 * @param name the definition's name in the JSON Schema
 * @param description one line for the schema
 * @param members member name → type, in the order they are usually written
 * @param descriptions member name → one line for the schema
 * @param required members that must be present
 * @param open true when keys beyond {@code members} are allowed (PostHog-owned blobs)
 */
public record ObjectShape(
    String name,
    String description,
    Map<String, ValueType> members,
    Map<String, String> descriptions,
    List<String> required,
    boolean open) {

  public static Builder named(String name, String description) {
    return new Builder(name, description);
  }

  public static final class Builder {
    private final String name;
    private final String description;
    private final Map<String, ValueType> members = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private boolean open;

    private Builder(String name, String description) {
      this.name = name;
      this.description = description;
    }

    public Builder member(String member, ValueType type, String text) {
      members.put(member, type);
      descriptions.put(member, text);
      return this;
    }

    public Builder required(String member, ValueType type, String text) {
      required.add(member);
      return member(member, type, text);
    }

    /** Allow keys beyond the declared members (formats PostHog changes often). */
    public Builder open() {
      open = true;
      return this;
    }

    public ObjectShape build() {
      return new ObjectShape(
          name,
          description,
          Collections.unmodifiableMap(members),
          Collections.unmodifiableMap(descriptions),
          List.copyOf(required),
          open);
    }
  }
}
