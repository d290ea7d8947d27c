package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.model.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code posthog-gitops.yaml} through the same YAML reader and shape checker as the
 * declarations, so every problem is a diagnostic at its FILE:LINE:COLUMN. Anything that looks like
 * a credential is refused: the key is read only from the environment.
 */
final class ProjectConfigReader {

  private static final Set<String> SECRET_WORDS = Set.of("key", "token", "secret", "password");
  private static final String LABEL = "the config file";

  private final String file;
  private final Findings findings = new Findings();
  private ParsedDocument document;

  ProjectConfigReader(String file) {
    this.file = file;
  }

  ConfigRead read(String text) {
    YamlTreeReader.Result parsed = YamlTreeReader.read(file, text);
    findings.addAll(parsed.diagnostics());
    ProjectConfig config = ProjectConfig.empty();
    if (parsed.diagnostics().stream().noneMatch(Diagnostic::isError)) {
      config = config(parsed.documents());
    }
    List<Diagnostic> diagnostics = findings.sorted(List.of(file));
    return new ConfigRead(
        diagnostics.stream().anyMatch(Diagnostic::isError) ? ProjectConfig.empty() : config,
        diagnostics);
  }

  private ProjectConfig config(List<ParsedDocument> documents) {
    if (documents.size() > 1) {
      findings.error(
          documents.get(1).start(),
          "the config file must hold one YAML document, not " + documents.size() + ".");
      return null;
    }
    if (documents.isEmpty() || documents.get(0).root().isNull()) {
      return ProjectConfig.empty();
    }
    ParsedDocument read = documents.get(0);
    if (!(read.root() instanceof ObjectNode root)) {
      findings.error(
          read.start(), "the config file must be a mapping of settings, e.g. 'project: 4242'.");
      return null;
    }
    ObjectNode settings = root.deepCopy();
    document =
        new ParsedDocument(settings, read.start(), read.keyLocations(), read.valueLocations());
    refuseSecrets(settings, "");
    ShapeChecker.check(document, ConfigShapes.FILE, ConfigShapes::named, LABEL, findings);
    return new ProjectConfig(
        text(settings, "/api_url"),
        project(settings, "/project"),
        text(settings, "/connection"),
        settings.path("annotate").asBoolean(false),
        settings.path("impact").asBoolean(false),
        strings(settings.at("/prune/ignore")),
        settings.path("rate_limit_per_minute").isInt()
            ? settings.get("rate_limit_per_minute").asInt()
            : null,
        environments(settings.path("environments")),
        file,
        strings(settings.path("paths")));
  }

  /** Credential-looking keys at any level are reported and left out of the shape check. */
  private void refuseSecrets(ObjectNode node, String pointer) {
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String memberPointer = FieldPath.member(pointer, member.getKey());
      if (looksLikeSecret(member.getKey())) {
        refused.add(member.getKey());
        findings.error(
            document.key(memberPointer),
            "`"
                + member.getKey()
                + "` is not allowed: the API key is read only from the environment (MATON_API_KEY,"
                + " else POSTHOG_API_KEY), never from a file in the repository; remove it.");
      } else if (member.getValue() instanceof ObjectNode child) {
        refuseSecrets(child, memberPointer);
      }
    }
    node.remove(refused);
  }

  private Map<String, EnvironmentSettings> environments(JsonNode section) {
    Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : section.properties()) {
      String pointer = FieldPath.member("/environments", entry.getKey());
      JsonNode settings = entry.getValue();
      environments.put(
          entry.getKey(),
          new EnvironmentSettings(
              entry.getKey(),
              text(settings, pointer, "api_url"),
              project(settings, pointer, "project"),
              text(settings, pointer, "connection")));
    }
    return environments;
  }

  private String text(JsonNode settings, String pointer) {
    return text(settings, "", pointer.substring(1));
  }

  /** A text setting; blank is a mistake rather than "not set". */
  private String text(JsonNode settings, String parent, String key) {
    JsonNode value = settings.get(key);
    if (value == null || !value.isTextual()) {
      return null;
    }
    if (value.asText().isBlank()) {
      findings.error(
          document.value(parent + "/" + key),
          "`" + key + "` must not be empty; remove it or set it.");
      return null;
    }
    return value.asText().trim();
  }

  private String project(JsonNode settings, String pointer) {
    return project(settings, "", pointer.substring(1));
  }

  /** A numeric project id (written as a number or text), or {@code @current}. */
  private String project(JsonNode settings, String parent, String key) {
    JsonNode value = settings.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asText().trim();
    boolean valid =
        value.isIntegralNumber() && value.asLong() > 0
            || value.isTextual() && (text.equals("@current") || text.matches("[1-9][0-9]{0,18}"));
    if (!valid) {
      findings.error(
          document.value(parent + "/" + key),
          "`" + key + "` must be a numeric project id or @current, not `" + value.asText() + "`.");
      return null;
    }
    return text;
  }

  private static List<String> strings(JsonNode list) {
    List<String> values = new ArrayList<>();
    list.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static boolean looksLikeSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }
}
