package io.posthoggitops.impact;

import io.posthoggitops.live.ApiException;

/**
 * Why impact (or usage for {@code lifecycle}) could not be worked out, as the one warning shown:
 * the request, PostHog's answer and what to do next (docs/impact.md#when-impact-is-not-shown).
 */
public final class AdvisoryFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AdvisoryFailure(String sentence) {
    super(sentence);
  }

  /**
   * @param query whether the request was the HogQL query, whose budget is 120 an hour
   */
  static AdvisoryFailure of(ApiException e, boolean query) {
    if (e.status() == 0) {
      return new AdvisoryFailure(e.getMessage());
    }
    return new AdvisoryFailure(e.getMessage() + ": " + advice(e.status(), query));
  }

  private static String advice(int status, boolean query) {
    if (status == 429 && query) {
      return "PostHog allows 120 HogQL queries an hour per personal API key, shared with everything"
          + " else that uses the key; run again later.";
    }
    return switch (status) {
      case 429 -> "the key's request budget is spent for now; run again in a minute.";
      case 401, 403 ->
          "the key may not read usage; give it the query:read and feature_flag:read scopes.";
      case 404 ->
          "this API URL does not serve that endpoint (a proxy may not pass it on); use a PostHog"
              + " host instead (--api-url https://us.posthog.com with POSTHOG_API_KEY).";
      case 400 ->
          query
              ? "PostHog could not run the usage query (its detail says why)."
              : "PostHog could not read the request (its detail says why).";
      default -> "PostHog could not answer; run again later.";
    };
  }
}
