package io.posthoggitops.config;

/**
 * Where and how to reach PostHog, resolved flag > environment > config file > default. {@link
 * #toString()} never shows the key.
 *
 * @param apiUrl the prefix before {@code /api/...}
 * @param project a numeric id or {@code @current}
 * @param connection the Maton connection id, or null
 * @param apiKey from MATON_API_KEY, else POSTHOG_API_KEY; null when neither is set
 * @param rateLimitPerMinute the client-side request budget per rolling minute
 */
public record ConnectionSettings(
    String apiUrl, String project, String connection, String apiKey, int rateLimitPerMinute) {

  public static final String DEFAULT_API_URL = "https://api.maton.ai/posthog";
  public static final int DEFAULT_RATE_LIMIT = 480;

  @Override
  public String toString() {
    return "ConnectionSettings[apiUrl=%s, project=%s, connection=%s, apiKey=%s, rateLimitPerMinute=%d]"
        .formatted(
            apiUrl, project, connection, apiKey == null ? "unset" : "***", rateLimitPerMinute);
  }
}
