package io.posthoggitops.cli;

import io.posthoggitops.config.ConnectionSettings;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.live.ClientOptions;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.live.PostHogClient;
import io.posthoggitops.live.RestClientTransport;
import io.posthoggitops.model.UserError;
import java.util.function.Function;

/** Resolves connection settings from the global options and opens the PostHog API client. */
public final class LiveConnection {

  static final String ENV_API_URL = "POSTHOG_GITOPS_API_URL";
  static final String ENV_PROJECT = "POSTHOG_GITOPS_PROJECT";
  static final String ENV_CONNECTION = "MATON_CONNECTION";
  static final String ENV_KEY = "MATON_API_KEY";
  static final String ENV_KEY_ALTERNATIVE = "POSTHOG_API_KEY";

  private LiveConnection() {}

  /** Flag > environment > config file > default; the key only from the environment. */
  public static ConnectionSettings settings(GlobalOptions global, ProjectConfig config) {
    return settings(global, config, System::getenv);
  }

  /** As {@link #settings(GlobalOptions, ProjectConfig)}, reading variables from {@code env}. */
  static ConnectionSettings settings(
      GlobalOptions global, ProjectConfig config, Function<String, String> env) {
    String apiUrl = first(global.apiUrl(), env.apply(ENV_API_URL), config.apiUrl(), ConnectionSettings.DEFAULT_API_URL);
    String project = first(global.project(), env.apply(ENV_PROJECT), config.project(), "@current");
    String connection = first(global.connection(), env.apply(ENV_CONNECTION), config.connection(), null);
    String key = first(env.apply(ENV_KEY), env.apply(ENV_KEY_ALTERNATIVE), null, null);
    int rateLimit = config.rateLimitPerMinute() != null ? config.rateLimitPerMinute() : ConnectionSettings.DEFAULT_RATE_LIMIT;
    return new ConnectionSettings(stripSlash(apiUrl), project, connection, key, rateLimit);
  }

  /** A client for live commands; a missing key is a UserError naming MATON_API_KEY. */
  public static PostHogApi open(GlobalOptions global, ProjectConfig config) {
    return open(settings(global, config), global.verbose());
  }

  static PostHogApi open(ConnectionSettings settings, boolean verbose) {
    if (settings.apiKey() == null) {
      throw new UserError(
          "no API key: set MATON_API_KEY to your Maton API key (or POSTHOG_API_KEY to a PostHog personal API key); the key is never read from a flag or a file.");
    }
    if (!settings.apiUrl().matches("(?i)https?://[^/\\s]+.*")) {
      throw new UserError(
          "API URL '" + settings.apiUrl() + "' is not an http(s) URL; set --api-url, POSTHOG_GITOPS_API_URL or api_url in the config file, e.g. " + ConnectionSettings.DEFAULT_API_URL + ".");
    }
    return new PostHogClient(settings, new RestClientTransport(settings.apiUrl()), ClientOptions.standard(verbose));
  }

  private static String first(String flag, String environment, String file, String fallback) {
    for (String value : new String[] {flag, environment, file}) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return fallback;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
