package io.posthoggitops.kinds.featureflag;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.FieldPath;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a list of variants (of a flag or of an experiment): keys, uniqueness, rollout sum. */
public final class VariantChecks {

  static final Pattern VARIANT_KEY = Pattern.compile("^[a-zA-Z0-9_./-]+$");

  private VariantChecks() {}

  /**
   * Checks the variants at the pointer and returns their keys.
   *
   * @param percentKeys the member names holding a variant's percentage, first found wins
   */
  public static Set<String> check(DocumentRules doc, String pointer, String... percentKeys) {
    Set<String> keys = new LinkedHashSet<>();
    JsonNode variants = doc.fields().at(pointer);
    if (!variants.isArray()) {
      return keys;
    }
    double sum = 0;
    boolean summable = true;
    for (int i = 0; i < variants.size(); i++) {
      String item = pointer + "/" + i;
      checkKey(doc, variants.get(i).get("key"), item + "/key", keys);
      JsonNode percent = percentOf(variants.get(i), percentKeys);
      summable &= percent != null && percent.isNumber();
      sum += percent == null ? 0 : percent.asDouble();
    }
    if (summable && Math.abs(sum - 100) > 1e-9) {
      doc.errorAtKey(
          pointer,
          "variant rollout percentages must sum to 100, got "
              + format(sum)
              + "; adjust "
              + FieldPath.quote(pointer)
              + ".");
    }
    return keys;
  }

  private static void checkKey(DocumentRules doc, JsonNode key, String pointer, Set<String> keys) {
    if (key == null || !key.isTextual()) {
      return;
    }
    if (!VARIANT_KEY.matcher(key.asText()).matches()) {
      doc.errorAtValue(
          pointer,
          "variant key `"
              + key.asText()
              + "` may contain only letters, digits, '_', '.', '/' and '-'.");
    } else if (!keys.add(key.asText())) {
      doc.errorAtValue(
          pointer,
          "variant key `" + key.asText() + "` is declared twice; variant keys must be unique.");
    }
  }

  private static JsonNode percentOf(JsonNode variant, String... percentKeys) {
    for (String name : percentKeys) {
      if (variant.has(name)) {
        return variant.get(name);
      }
    }
    return null;
  }

  static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
