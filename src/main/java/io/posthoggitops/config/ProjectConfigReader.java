package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.Suggestions;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code posthog-gitops.yaml} strictly: every unknown key is an error at its
 * FILE:LINE:COLUMN with the nearest known key, and anything that looks like a credential is
 * refused, because the key is read only from the environment.
 */
final class ProjectConfigReader {

  static final List<String> TOP_KEYS =
      List.of(
          "api_url",
          "project",
          "connection",
          "annotate",
          "prune",
          "rate_limit_per_minute",
          "environments");
  static final List<String> ENVIRONMENT_KEYS = List.of("api_url", "project", "connection");
  static final List<String> PRUNE_KEYS = List.of("ignore");
  private static final Set<String> SECRET_WORDS = Set.of("key", "token", "secret", "password");

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
  private ParsedDocument document;

  ProjectConfigReader(String file) {
    this.file = file;
  }

  /** The {@code environments:} entries of the last {@link #read}, in file order. */
  Map<String, EnvironmentSettings> environments() {
    return environments;
  }

  ProjectConfig read(String text) {
    JsonNode root = parse(text);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return ProjectConfig.empty();
    }
    if (!root.isObject()) {
      throw new UserError(
          file + ":1:1: the config file must be a mapping of settings, e.g. 'project: 4242'.");
    }
    checkKeys(root, "", TOP_KEYS);
    JsonNode prune = root.path("prune");
    if (prune.isObject()) {
      checkKeys(prune, "/prune", PRUNE_KEYS);
    } else if (!prune.isMissingNode()) {
      problem(
          "/prune",
          "prune must be a mapping such as 'prune: {ignore: [\"FeatureFlag/legacy-*\"]}'.");
    }
    readEnvironments(root.path("environments"));
    ProjectConfig config =
        new ProjectConfig(
            text(root, "api_url"),
            projectOf(root),
            text(root, "connection"),
            bool(root, "annotate"),
            globs(prune.path("ignore")),
            rateLimit(root));
    if (!problems.isEmpty()) {
      problems.sort(
          Comparator.comparingInt((Problem p) -> p.at().line())
              .thenComparingInt(p -> p.at().column()));
      throw new UserError(String.join("\n", problems.stream().map(Problem::text).toList()));
    }
    return config;
  }

  /** The single document of the config file; YAML errors end here with their position. */
  private JsonNode parse(String text) {
    YamlTreeReader.Result result = YamlTreeReader.read(file, text);
    List<String> errors =
        result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
    if (!errors.isEmpty()) {
      throw new UserError(String.join("\n", errors));
    }
    if (result.documents().size() > 1) {
      throw new UserError(
          file
              + ":1:1: the config file must hold one YAML document, not "
              + result.documents().size()
              + ".");
    }
    document = result.documents().isEmpty() ? null : result.documents().get(0);
    return document == null ? null : document.root();
  }

  private void checkKeys(JsonNode node, String pointer, List<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (known.contains(name)) {
        continue;
      }
      if (looksLikeSecret(name)) {
        problem(
            pointer + "/" + name,
            "'"
                + name
                + "' is not allowed: the API key is read only from the environment (MATON_API_KEY, else POSTHOG_API_KEY), never from a file in the repository; remove it.");
      } else {
        String hint =
            Suggestions.closest(name, known).map(k -> "did you mean '" + k + "'? ").orElse("");
        problem(
            pointer + "/" + name,
            "unknown key '"
                + name
                + "'; "
                + hint
                + "known keys: "
                + String.join(", ", known)
                + ".");
      }
    }
  }

  private void readEnvironments(JsonNode section) {
    if (section.isMissingNode() || section.isNull()) {
      return;
    }
    if (!section.isObject()) {
      problem(
          "/environments",
          "environments must map names to settings, e.g. 'environments: {staging: {project: 4242}}'.");
      return;
    }
    for (Map.Entry<String, JsonNode> entry : section.properties()) {
      String pointer = "/environments/" + entry.getKey();
      JsonNode settings = entry.getValue();
      if (!settings.isObject()) {
        problem(
            pointer,
            "environment '"
                + entry.getKey()
                + "' must be a mapping of api_url, project and connection.");
        continue;
      }
      checkKeys(settings, pointer, ENVIRONMENT_KEYS);
      environments.put(
          entry.getKey(),
          new EnvironmentSettings(
              entry.getKey(),
              text(settings, "api_url", pointer),
              projectOf(settings, pointer),
              text(settings, "connection", pointer)));
    }
  }

  private static boolean looksLikeSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }

  private String text(JsonNode root, String key) {
    return text(root, key, "");
  }

  private String text(JsonNode node, String key, String pointer) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      problem(pointer + "/" + key, key + " must be a non-empty text value.");
      return null;
    }
    return value.asText();
  }

  private String projectOf(JsonNode root) {
    return projectOf(root, "");
  }

  private String projectOf(JsonNode node, String pointer) {
    String project = text(node, "project", pointer);
    if (project != null && !project.equals("@current") && !project.matches("\\d+")) {
      problem(
          pointer + "/project",
          "project must be a numeric project id or @current, not '" + project + "'.");
    }
    return project;
  }

  private boolean bool(JsonNode root, String key) {
    JsonNode value = root.get(key);
    if (value != null && !value.isNull() && !value.isBoolean()) {
      problem("/" + key, key + " must be true or false.");
    }
    return value != null && value.asBoolean(false);
  }

  private List<String> globs(JsonNode ignore) {
    List<String> globs = new ArrayList<>();
    if (ignore.isMissingNode() || ignore.isNull()) {
      return globs;
    }
    if (!ignore.isArray()) {
      problem(
          "/prune/ignore",
          "prune.ignore must be a list of KIND/IDENTITY globs, e.g. [\"FeatureFlag/legacy-*\"].");
      return globs;
    }
    for (JsonNode glob : ignore) {
      if (glob.isTextual()) {
        globs.add(glob.asText());
      } else {
        problem(
            "/prune/ignore", "prune.ignore entries must be text such as \"FeatureFlag/legacy-*\".");
      }
    }
    return globs;
  }

  private Integer rateLimit(JsonNode root) {
    JsonNode value = root.get("rate_limit_per_minute");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
      problem(
          "/rate_limit_per_minute",
          "rate_limit_per_minute must be a whole number of requests, at least 1 (default 480).");
      return null;
    }
    return value.asInt();
  }

  private void problem(String pointer, String message) {
    SourceLocation at = document.key(pointer);
    problems.add(new Problem(at, at + ": " + message));
  }

  private record Problem(SourceLocation at, String text) {}
}
