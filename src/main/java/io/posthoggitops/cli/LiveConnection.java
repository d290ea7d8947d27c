package io.posthoggitops.cli;

import io.posthoggitops.config.ConnectionSettings;
import io.posthoggitops.config.EnvironmentSettings;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.live.AdvisoryApi;
import io.posthoggitops.live.AdvisoryClient;
import io.posthoggitops.live.ClientOptions;
import io.posthoggitops.live.JdkHttpTransport;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.live.PostHogClient;
import io.posthoggitops.model.UserError;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Function;

/** Resolves connection settings from the global options and opens the PostHog API client. */
public final class LiveConnection {

  static final String ENV_API_URL = "POSTHOG_GITOPS_API_URL";
  static final String ENV_PROJECT = "POSTHOG_GITOPS_PROJECT";
  static final String ENV_CONNECTION = "MATON_CONNECTION";
  static final String ENV_KEY = "MATON_API_KEY";
  static final String ENV_KEY_ALTERNATIVE = "POSTHOG_API_KEY";
  static final String ENV_TIMEOUT = "POSTHOG_GITOPS_TIMEOUT";
  private static final int MAX_TIMEOUT_SECONDS = 600;

  private LiveConnection() {}

  /** An opened client and the API URL it talks to (recorded in plans and snapshots). */
  public record Opened(PostHogApi api, String apiUrl) {}

  /**
   * Flag > the config file's {@code --env} section > environment variable (read through {@code
   * env}) > config file > default; the key only from the environment.
   */
  static ConnectionSettings settings(
      GlobalOptions global, ProjectConfig config, Function<String, String> env) {
    EnvironmentSettings section = config.environment(global.env());
    String apiUrl =
        first(
            global.apiUrl(),
            section.apiUrl(),
            env.apply(ENV_API_URL),
            config.apiUrl(),
            ConnectionSettings.DEFAULT_API_URL);
    String project =
        first(
            global.project(),
            section.project(),
            env.apply(ENV_PROJECT),
            config.project(),
            "@current");
    requireProjectId(project, global.project() != null && !global.project().isBlank());
    String connection =
        first(
            global.connection(),
            section.connection(),
            env.apply(ENV_CONNECTION),
            config.connection(),
            null);
    String key = first(env.apply(ENV_KEY), env.apply(ENV_KEY_ALTERNATIVE), null);
    int rateLimit =
        config.rateLimitPerMinute() != null
            ? config.rateLimitPerMinute()
            : ConnectionSettings.DEFAULT_RATE_LIMIT;
    return new ConnectionSettings(stripSlash(apiUrl), project, connection, key, rateLimit);
  }

  /**
   * A project is a positive number or {@code @current}; anything else would only be answered 404,
   * so it is a usage error before any request. The config file's values are checked where it is
   * read, so a bad one here came from the flag or the environment.
   */
  private static void requireProjectId(String project, boolean fromFlag) {
    if (project.equals("@current") || project.matches("[1-9][0-9]{0,18}")) {
      return;
    }
    throw new UserError(
        "%s '%s' is not a project id; nothing was requested. Give the numeric id (PostHog shows it in the project settings and in its URLs, /project/ID), or @current for the key's current project."
            .formatted(fromFlag ? "--project" : ENV_PROJECT, project),
        ExitCode.USAGE);
  }

  /** A client for live commands; a missing key is a UserError naming MATON_API_KEY. */
  static Opened open(GlobalOptions global, ProjectConfig config, Function<String, String> env) {
    ConnectionSettings settings = settings(global, config, env);
    Duration timeout = timeout(global, env);
    return new Opened(open(settings, global.verbose(), timeout), settings.apiUrl());
  }

  static PostHogApi open(ConnectionSettings settings, boolean verbose) {
    return open(settings, verbose, JdkHttpTransport.DEFAULT_TIMEOUT);
  }

  private static PostHogApi open(ConnectionSettings settings, boolean verbose, Duration timeout) {
    checkApiUrl(settings.apiUrl());
    if (settings.apiKey() == null) {
      throw new UserError(
          "no API key: set MATON_API_KEY to your Maton API key (or POSTHOG_API_KEY to a PostHog personal API key); the key is never read from a flag or a file.");
    }
    return new PostHogClient(
        settings,
        new JdkHttpTransport(settings.apiUrl(), timeout),
        ClientOptions.standard(verbose, timeout));
  }

  /** {@code --timeout}, else POSTHOG_GITOPS_TIMEOUT, else 30 s; whole seconds from 1 to 600. */
  static Duration timeout(GlobalOptions global, Function<String, String> env) {
    String flag = global.timeout();
    String given = first(flag, env.apply(ENV_TIMEOUT), null);
    if (given == null) {
      return JdkHttpTransport.DEFAULT_TIMEOUT;
    }
    String where = flag != null && !flag.isBlank() ? "--timeout" : ENV_TIMEOUT;
    try {
      int seconds = Integer.parseInt(given);
      if (seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(
        "%s '%s' is not a number of seconds from 1 to %d; e.g. --timeout 60."
            .formatted(where, given, MAX_TIMEOUT_SECONDS),
        ExitCode.USAGE);
  }

  /**
   * An http(s) URL, and https unless it stays on this machine: the key goes with every request, so
   * it never crosses a network in plain text (docs/safety.md).
   */
  static void checkApiUrl(String apiUrl) {
    if (!apiUrl.matches("(?i)https?://[^/\\s]+.*")) {
      throw new UserError(
          "API URL '"
              + apiUrl
              + "' is not an http(s) URL; set --api-url, POSTHOG_GITOPS_API_URL or api_url in the config file, e.g. "
              + ConnectionSettings.DEFAULT_API_URL
              + ".");
    }
    URI uri;
    try {
      uri = new URI(apiUrl);
    } catch (URISyntaxException e) {
      throw new UserError(
          "API URL '" + apiUrl + "' is not a valid URL (" + e.getReason() + "); fix --api-url.",
          ExitCode.USAGE);
    }
    if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
      throw new UserError(
          "API URL '"
              + apiUrl
              + "' is plain http to another machine, which would send the API key unencrypted;"
              + " nothing was sent. Use https://"
              + apiUrl.substring("http://".length())
              + " (plain http is allowed only to localhost).",
          ExitCode.USAGE);
    }
  }

  /** localhost, 127.0.0.0/8 or ::1, from the URL's text alone (no name is looked up). */
  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      return true;
    }
    if (!bare.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress(); // an IPv6 literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The client for impact's advisory requests (docs/impact.md), on the same settings: sent once,
   * with a shorter wait for the answer.
   */
  static AdvisoryApi advisory(
      GlobalOptions global, ProjectConfig config, Function<String, String> env, long projectId) {
    ConnectionSettings settings = settings(global, config, env);
    return new AdvisoryClient(
        settings,
        projectId,
        new JdkHttpTransport(settings.apiUrl(), AdvisoryClient.TIMEOUT),
        ClientOptions.standard(global.verbose()));
  }

  /** The first value set, in precedence order; the last argument is the default, used as is. */
  private static String first(String... values) {
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i] != null && !values[i].isBlank()) {
        return values[i].trim();
      }
    }
    return values[values.length - 1];
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
