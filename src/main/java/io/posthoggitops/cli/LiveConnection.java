package io.posthoggitops.cli;

import io.posthoggitops.config.ConnectionSettings;
import io.posthoggitops.config.ProjectConfig;
import io.posthoggitops.live.PostHogApi;

/** Resolves connection settings from the global options and opens the PostHog API client. */
public final class LiveConnection {

  private LiveConnection() {}

  /** Flag > environment > config file > default; the key only from the environment. */
  public static ConnectionSettings settings(GlobalOptions global, ProjectConfig config) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** A client for live commands; a missing key is a UserError naming MATON_API_KEY. */
  public static PostHogApi open(GlobalOptions global, ProjectConfig config) {
    throw new UnsupportedOperationException("not built yet");
  }
}
