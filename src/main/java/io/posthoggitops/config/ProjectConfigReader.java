package io.posthoggitops.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
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
      List.of("api_url", "project", "connection", "annotate", "prune", "rate_limit_per_minute");
  static final List<String> PRUNE_KEYS = List.of("ignore");
  private static final Set<String> SECRET_WORDS = Set.of("key", "token", "secret", "password");

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final ObjectMapper MAPPER =
      new ObjectMapper(YAML).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private Map<String, SourceLocation> keyLocations = Map.of();

  ProjectConfigReader(String file) {
    this.file = file;
  }

  ProjectConfig read(String text) {
    JsonNode root = parse(text);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return ProjectConfig.empty();
    }
    if (!root.isObject()) {
      throw new UserError(file + ":1:1: the config file must be a mapping of settings, e.g. 'project: 4242'.");
    }
    checkKeys(root, "", TOP_KEYS);
    JsonNode prune = root.path("prune");
    if (prune.isObject()) {
      checkKeys(prune, "/prune", PRUNE_KEYS);
    } else if (!prune.isMissingNode()) {
      problem("/prune", "prune must be a mapping such as 'prune: {ignore: [\"FeatureFlag/legacy-*\"]}'.");
    }
    ProjectConfig config =
        new ProjectConfig(
            text(root, "api_url"),
            projectOf(root),
            text(root, "connection"),
            bool(root, "annotate"),
            globs(prune.path("ignore")),
            rateLimit(root));
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
      throw new UserError(String.join("\n", problems.stream().map(Problem::text).toList()));
    }
    return config;
  }

  private JsonNode parse(String text) {
    try {
      keyLocations = locateKeys(text);
      return MAPPER.readTree(text);
    } catch (IOException e) {
      JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getLocation() : null;
      String where = at == null ? file + ":1:1" : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
      throw new UserError(where + ": not valid YAML (" + reason + "); fix the config file.");
    }
  }

  /** Where each mapping key starts, by JSON pointer, since Jackson's tree has no positions. */
  private static Map<String, SourceLocation> locateKeys(String text) throws IOException {
    Map<String, SourceLocation> found = new HashMap<>();
    Deque<String> path = new ArrayDeque<>();
    String pending = "";
    try (JsonParser parser = YAML.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> path.push(pending);
          case END_OBJECT, END_ARRAY -> path.pop();
          case FIELD_NAME -> {
            pending = (path.isEmpty() ? "" : path.peek()) + "/" + parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            found.put(pending, new SourceLocation("", at.getLineNr(), at.getColumnNr()));
          }
          default -> { }
        }
      }
    }
    return found;
  }

  private void checkKeys(JsonNode node, String pointer, List<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (known.contains(name)) {
        continue;
      }
      if (looksLikeSecret(name)) {
        problem(pointer + "/" + name, "'" + name + "' is not allowed: the API key is read only from the environment (MATON_API_KEY, else POSTHOG_API_KEY), never from a file in the repository; remove it.");
      } else {
        String hint = Suggestions.closest(name, known).map(k -> "did you mean '" + k + "'? ").orElse("");
        problem(pointer + "/" + name, "unknown key '" + name + "'; " + hint + "known keys: " + String.join(", ", known) + ".");
      }
    }
  }

  private static boolean looksLikeSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }

  private String text(JsonNode root, String key) {
    JsonNode value = root.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      problem("/" + key, key + " must be a non-empty text value.");
      return null;
    }
    return value.asText();
  }

  private String projectOf(JsonNode root) {
    String project = text(root, "project");
    if (project != null && !project.equals("@current") && !project.matches("\\d+")) {
      problem("/project", "project must be a numeric project id or @current, not '" + project + "'.");
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
      problem("/prune/ignore", "prune.ignore must be a list of KIND/IDENTITY globs, e.g. [\"FeatureFlag/legacy-*\"].");
      return globs;
    }
    for (JsonNode glob : ignore) {
      if (glob.isTextual()) {
        globs.add(glob.asText());
      } else {
        problem("/prune/ignore", "prune.ignore entries must be text such as \"FeatureFlag/legacy-*\".");
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
      problem("/rate_limit_per_minute", "rate_limit_per_minute must be a whole number of requests, at least 1 (default 480).");
      return null;
    }
    return value.asInt();
  }

  private void problem(String pointer, String message) {
    SourceLocation at = keyLocations.getOrDefault(pointer, new SourceLocation("", 1, 1));
    problems.add(new Problem(at, file + ":" + at.line() + ":" + at.column() + ": " + message));
  }

  private record Problem(SourceLocation at, String text) {}
}
