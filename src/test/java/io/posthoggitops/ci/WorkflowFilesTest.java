package io.posthoggitops.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What actionlint cannot see from here: that the callers, the reusable workflows and the action
 * name each other rightly. Also writes what the linters in {@code .ci/lint} read: the action as a
 * workflow (actionlint checks workflows, not a composite action on its own) and every {@code run:}
 * script as a file (for shellcheck).
 */
class WorkflowFilesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path WORKFLOWS = Path.of(".github/workflows");
  private static final Path EXAMPLES = Path.of("examples/github-workflows");
  private static final Path LINT = Path.of("target/lint");
  private static final Pattern CALL =
      Pattern.compile(
          "uses: ([A-Za-z0-9_.-]+)/posthog-gitops/\\.github/workflows/([a-z-]+\\.yml)@(v\\d+)");
  private static final Pattern ACTION =
      Pattern.compile("uses: ([A-Za-z0-9_.-]+)/posthog-gitops@(\\S+)");

  private static List<Path> yaml(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return YAML.readTree(file.toFile());
  }

  /** {@code on:}, which YAML 1.1 reads as the key {@code true}. */
  private static JsonNode on(JsonNode workflow) {
    return workflow.has("on") ? workflow.get("on") : workflow.path("true");
  }

  private static String major() throws IOException {
    Matcher version =
        Pattern.compile("\n  <version>(\\d+)\\.").matcher(Files.readString(Path.of("pom.xml")));
    assertThat(version.find()).isTrue();
    return "v" + version.group(1);
  }

  @Test
  void eachCallerIsShortAndCallsAReusableWorkflowAtTheCurrentMajorVersion() throws IOException {
    List<Path> callers = yaml(EXAMPLES);
    assertThat(callers)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("posthog-apply.yml", "posthog-drift.yml", "posthog-plan.yml");
    Set<String> owners = new HashSet<>();
    for (Path caller : callers) {
      String text = Files.readString(caller);
      assertThat(text.lines().count()).as(caller.toString()).isLessThan(25);
      Matcher call = CALL.matcher(text);
      assertThat(call.find()).as(caller.toString()).isTrue();
      owners.add(call.group(1));
      assertThat(call.group(2)).isEqualTo(caller.getFileName().toString());
      assertThat(call.group(3)).isEqualTo(major());
      assertThat(on(read(WORKFLOWS.resolve(call.group(2)))).has("workflow_call")).isTrue();
    }
    assertThat(owners).hasSize(1);
  }

  @Test
  void theReusableWorkflowsUseThisRepositorysActionWithInputsItHas() throws IOException {
    Set<String> inputs = new HashSet<>();
    read(Path.of("action.yml")).path("inputs").fieldNames().forEachRemaining(inputs::add);
    String owner = null;
    for (String name : List.of("posthog-plan.yml", "posthog-apply.yml", "posthog-drift.yml")) {
      Path workflow = WORKFLOWS.resolve(name);
      Matcher action = ACTION.matcher(Files.readString(workflow));
      assertThat(action.find()).as(name).isTrue();
      assertThat(action.group(2)).as(name).isEqualTo(major());
      owner = owner == null ? action.group(1) : owner;
      assertThat(action.group(1)).isEqualTo(owner);
      for (JsonNode job : read(workflow).path("jobs")) {
        for (JsonNode step : job.path("steps")) {
          if (step.path("uses").asText().contains("/posthog-gitops@")) {
            step.path("with")
                .fieldNames()
                .forEachRemaining(i -> assertThat(inputs).as(name).contains(i));
          }
        }
      }
    }
    Matcher call = CALL.matcher(Files.readString(EXAMPLES.resolve("posthog-plan.yml")));
    assertThat(call.find()).isTrue();
    assertThat(owner).isEqualTo(call.group(1));
  }

  @Test
  void noRunScriptHoldsAnExpressionOnlyItsEnvDoes() throws IOException {
    for (Map.Entry<String, String> script : runScripts().entrySet()) {
      assertThat(script.getValue()).as(script.getKey()).doesNotContain("${{");
    }
  }

  @Test
  void writesTheActionAsAWorkflowAndEveryRunScriptForTheLinters() throws IOException {
    Files.createDirectories(LINT.resolve("scripts"));
    JsonNode action = read(Path.of("action.yml"));
    ObjectNode workflow = YAML.createObjectNode();
    workflow.put("name", "action.yml as a workflow, for actionlint");
    ObjectNode inputs = workflow.putObject("on").putObject("workflow_call").putObject("inputs");
    action
        .path("inputs")
        .properties()
        .forEach(
            e ->
                inputs
                    .putObject(e.getKey())
                    .put("type", "string")
                    .put("default", e.getValue().path("default").asText("")));
    ObjectNode job = workflow.putObject("jobs").putObject("action");
    job.put("runs-on", "ubuntu-latest");
    job.set("steps", action.path("runs").path("steps"));
    Files.writeString(LINT.resolve("action-as-workflow.yml"), YAML.writeValueAsString(workflow));
    Map<String, String> scripts = runScripts();
    for (Map.Entry<String, String> script : scripts.entrySet()) {
      Files.writeString(
          LINT.resolve("scripts").resolve(script.getKey() + ".sh"),
          "#!/usr/bin/env bash\n# " + script.getKey() + "\n" + script.getValue());
    }
    assertThat(scripts).containsKey("posthog-plan--plan--2").containsKey("action--4");
  }

  /** Each run: script by file, job and step index, e.g. {@code posthog-plan--plan--2}. */
  private static Map<String, String> runScripts() throws IOException {
    Map<String, String> scripts = new java.util.TreeMap<>();
    List<Path> files = new ArrayList<>(yaml(WORKFLOWS));
    files.addAll(yaml(EXAMPLES));
    for (Path file : files) {
      String name = file.getFileName().toString().replace(".yml", "");
      read(file)
          .path("jobs")
          .properties()
          .forEach(
              job -> collect(scripts, name + "--" + job.getKey(), job.getValue().path("steps")));
    }
    collect(scripts, "action", read(Path.of("action.yml")).path("runs").path("steps"));
    return scripts;
  }

  private static void collect(Map<String, String> scripts, String prefix, JsonNode steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).has("run")) {
        scripts.put(prefix + "--" + i, steps.get(i).get("run").asText());
      }
    }
  }
}
