package io.posthoggitops.kinds.earlyaccess;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DocumentRules;
import java.util.regex.Pattern;

/** The rules PostHog enforces on early access features (docs/format/early-access-features.md). */
final class EarlyAccessFeatureChecks {

  private static final int MAX_NAME = 200;
  private static final int MAX_URL = 800;
  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s/?#]+([/?#]\\S*)?");

  private EarlyAccessFeatureChecks() {}

  static void check(DocumentRules doc) {
    if (doc.identity().length() > MAX_NAME) {
      doc.errorAtValue(
          "/name",
          "an early access feature's name holds at most "
              + MAX_NAME
              + " characters, not "
              + doc.identity().length()
              + ".");
    }
    JsonNode url = doc.fields().path("documentation_url");
    if (url.isTextual() && !url.asText().isEmpty() && !isWebUrl(url.asText())) {
      doc.errorAtValue(
          "/documentation_url",
          "`documentation_url` must be an http(s) URL such as https://example.com/docs, not `"
              + url.asText()
              + "`; PostHog refuses anything else.");
    } else if (url.isTextual() && url.asText().length() > MAX_URL) {
      doc.errorAtValue(
          "/documentation_url", "`documentation_url` holds at most " + MAX_URL + " characters.");
    }
  }

  private static boolean isWebUrl(String text) {
    return WEB_URL.matcher(text).matches();
  }
}
