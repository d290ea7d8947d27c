package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** How a kind's live objects are numbered. */
public enum IdFormat {
  /** PostHog's integer primary keys. */
  POSITIVE_INTEGER("a positive integer"),
  /** UUIDs, as PostHog gives newer models. */
  UUID("a UUID such as 0191b3c2-5d7e-7f00-8a1b-2c3d4e5f6a7b");

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final String description;

  IdFormat(String description) {
    this.description = description;
  }

  /** How a message names a valid id, e.g. {@code a positive integer}. */
  public String description() {
    return description;
  }

  /** The id a JSON value holds, if it is a valid id of this format. */
  public Optional<LiveId> parse(JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (this) {
      case POSITIVE_INTEGER ->
          value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0
              ? Optional.of(LiveId.of(value.asLong()))
              : Optional.empty();
      case UUID ->
          value.isTextual() && UUID_TEXT.matcher(value.asText()).matches()
              ? Optional.of(new LiveId(value.asText().toLowerCase(java.util.Locale.ROOT)))
              : Optional.empty();
    };
  }
}
