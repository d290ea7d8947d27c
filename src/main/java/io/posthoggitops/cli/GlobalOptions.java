package io.posthoggitops.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the command name. Values resolve as flag >
 * environment > config file > default (see {@code config.ConnectionSettings}).
 *
 * <p>These are {@link ScopeType#INHERIT} options of the top command. Picocli copies them into each
 * subcommand, and the copies keep the top command's setter, so {@code plan --project 5} and {@code
 * --project 5 plan} both set this object's field. A subcommand reads them from its parent: declare
 * {@code @ParentCommand PosthogGitopsCommand parent} and use {@code parent.global}, rather than a
 * second {@code @Mixin GlobalOptions} whose names the inherited copies already take.
 */
public class GlobalOptions {

  @Option(
      names = "--api-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "API base URL before /api/... (env POSTHOG_GITOPS_API_URL);%ndefault https://api.maton.ai/posthog.")
  String apiUrl;

  @Option(
      names = "--project",
      scope = ScopeType.INHERIT,
      paramLabel = "ID",
      description = "PostHog project id (env POSTHOG_GITOPS_PROJECT; default @current).")
  String project;

  @Option(
      names = "--connection",
      scope = ScopeType.INHERIT,
      paramLabel = "ID",
      description = "Maton connection id, sent as Maton-Connection (env MATON_CONNECTION).")
  String connection;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "Config file (default: the posthog-gitops.yaml found from PATH, or from the current folder, up to the repository root).")
  Path config;

  @Option(
      names = "--env",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "Environment from the config file's environments: section.")
  String env;

  @Option(
      names = "--timeout",
      scope = ScopeType.INHERIT,
      paramLabel = "SECONDS",
      description =
          "Deadline of each request to PostHog, answer included (env POSTHOG_GITOPS_TIMEOUT; default 30).")
  String timeout;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Log each HTTP request (method, path, status, time) to stderr.")
  boolean verbose;

  @Option(
      names = {"-e", "--errors"},
      scope = ScopeType.INHERIT,
      description = "Show stack traces with errors.")
  boolean errors;

  /** These options with {@code --env name}, for running each environment of {@code --all-envs}. */
  GlobalOptions forEnvironment(String name) {
    GlobalOptions copy = new GlobalOptions();
    copy.apiUrl = apiUrl;
    copy.project = project;
    copy.connection = connection;
    copy.config = config;
    copy.env = name;
    copy.timeout = timeout;
    copy.verbose = verbose;
    copy.errors = errors;
    return copy;
  }

  /** {@code --timeout} as given, or null. */
  public String timeout() {
    return timeout;
  }

  public String apiUrl() {
    return apiUrl;
  }

  public String project() {
    return project;
  }

  public String connection() {
    return connection;
  }

  public Path config() {
    return config;
  }

  public String env() {
    return env;
  }

  public boolean verbose() {
    return verbose;
  }

  public boolean errors() {
    return errors;
  }
}
