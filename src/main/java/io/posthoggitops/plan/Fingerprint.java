package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.model.LiveObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a live object's compared fields in canonical form. {@code version}, {@code
 * updated_at}, {@code status} and cohort recalculation are not among them, so they never make a
 * saved plan stale; a real edit in PostHog does.
 */
public final class Fingerprint {

  private Fingerprint() {}

  /** The fingerprint of a canonical (compared) live object, as lower-case hex. */
  public static String of(JsonNode comparedLive) {
    byte[] text =
        CanonicalJson.text(CanonicalJson.normalise(comparedLive)).getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The fingerprint of a canonical live object over the top-level fields a change compared (the
   * keys of its {@code before}): what the plan records, and what apply recomputes.
   */
  public static String over(ObjectNode canonicalLive, JsonNode before) {
    ObjectNode cut = canonicalLive.deepCopy();
    cut.properties().removeIf(e -> before == null || !before.has(e.getKey()));
    return of(cut);
  }

  /**
   * The fingerprint of a freshly read live object over the same fields as a saved change's {@code
   * before}, so apply can tell whether the object changed since the plan.
   */
  public static String recompute(LiveObject fresh, References refs, JsonNode before) {
    return over(Canonical.fromLive(fresh, refs), before);
  }
}
