package io.posthoggitops.config;

/**
 * One entry of the config file's {@code environments:} section, selected with {@code --env NAME}.
 * Its values win over environment variables and lose to flags.
 *
 * @param name the environment's name, e.g. {@code production}
 * @param apiUrl {@code api_url}, or null
 * @param project {@code project}, or null
 * @param connection {@code connection}, or null
 */
public record EnvironmentSettings(String name, String apiUrl, String project, String connection) {

  /** No environment selected: every setting comes from elsewhere. */
  public static final EnvironmentSettings NONE = new EnvironmentSettings(null, null, null, null);
}
