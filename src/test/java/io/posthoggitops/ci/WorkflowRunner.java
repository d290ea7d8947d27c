package io.posthoggitops.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one job of a workflow file on this machine the way a GitHub runner would, minus GitHub: its
 * {@code run:} steps in bash with the step's {@code env}, {@code if:}, {@code working-directory},
 * {@code continue-on-error} and the {@code GITHUB_OUTPUT}/{@code GITHUB_PATH}/{@code
 * GITHUB_STEP_SUMMARY} files, and this repository's action from its {@code action.yml}, step by
 * step. Other actions are stood in for: checkout and setup-java do nothing (the test prepares the
 * workspace; Java is the test's own), the cache restores the built jar, upload-artifact records the
 * file. A step that uses anything else fails the test.
 */
final class WorkflowRunner {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** What one step did; a composite step's output is that of its own run steps. */
  record Step(
      String name,
      String outcome,
      int exitCode,
      String stdout,
      String stderr,
      Map<String, String> outputs) {

    /** The file an output names, read. */
    String file(String output) throws IOException {
      return Files.readString(Path.of(outputs.get(output)));
    }
  }

  /** What the job did: its steps, the artifacts it uploaded and its job summary. */
  record Job(List<Step> steps, Map<String, Path> artifacts, String summary) {
    boolean succeeded() {
      return steps.stream().noneMatch(s -> s.outcome().equals("failure-stopped"));
    }

    Step step(String name) {
      return steps.stream()
          .filter(s -> s.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no step " + name + " in " + steps));
    }
  }

  private final Path repository;
  private final Path jar;
  private final Map<String, String> runnerEnv;
  private final Path workspace;
  private final Path temp;

  /**
   * @param repository this repository's checkout, where {@code action.yml} is
   * @param jar the posthog-gitops jar the cache restores
   * @param workspace the checkout of the user's repository the job runs in
   * @param runnerEnv the variables GitHub sets in every step ({@code GITHUB_API_URL}, …)
   */
  WorkflowRunner(Path repository, Path jar, Path workspace, Map<String, String> runnerEnv)
      throws IOException {
    this.repository = repository;
    this.jar = jar;
    this.workspace = workspace;
    this.temp = Files.createTempDirectory("runner-temp");
    this.runnerEnv = new LinkedHashMap<>(runnerEnv);
    this.runnerEnv.put("GITHUB_WORKSPACE", workspace.toString());
    this.runnerEnv.put("GITHUB_ACTIONS", "true");
    this.runnerEnv.put("CI", "true");
    this.runnerEnv.put("RUNNER_OS", "Linux");
    this.runnerEnv.put("RUNNER_TEMP", temp.toString());
    this.runnerEnv.put("RUNNER_TOOL_CACHE", temp.resolve("tool-cache").toString());
  }

  /** State shared by the steps of one job (or of one composite action). */
  private final class Run {
    final Map<String, Object> contexts;
    final Map<String, Object> steps = new HashMap<>();
    final List<Step> results = new ArrayList<>();
    final List<String> path;
    final Map<String, Path> artifacts;
    final StringBuilder summary;
    boolean failed;

    Run(
        Map<String, Object> contexts,
        List<String> path,
        Map<String, Path> artifacts,
        StringBuilder summary) {
      this.contexts = new HashMap<>(contexts);
      this.contexts.put("steps", steps);
      this.contexts.put("runner", Map.of("temp", temp.toString(), "os", "Linux"));
      this.path = path;
      this.artifacts = artifacts;
      this.summary = summary;
    }

    WorkflowExpressions expressions() {
      return new WorkflowExpressions(contexts, () -> !failed);
    }
  }

  /**
   * @param contexts {@code github} (with {@code event} and {@code token}), {@code inputs}, {@code
   *     secrets}, {@code vars}
   */
  Job run(Path workflow, String jobId, Map<String, Object> contexts) throws IOException {
    return run(workflow, jobId, contexts, Integer.MAX_VALUE);
  }

  /**
   * @param stepCount how many of the job's steps to run, from the first
   */
  Job run(Path workflow, String jobId, Map<String, Object> contexts, int stepCount)
      throws IOException {
    JsonNode job = YAML.readTree(workflow.toFile()).path("jobs").path(jobId);
    if (job.isMissingNode()) {
      throw new AssertionError(workflow + " has no job " + jobId);
    }
    if (job.has("env") || job.has("defaults") || job.has("container")) {
      throw new AssertionError(
          "job " + jobId + " uses env:, defaults: or container:, which this runner does not run");
    }
    Map<String, Object> withDefaults = new HashMap<>(contexts);
    withDefaults.put("inputs", inputs(YAML.readTree(workflow.toFile()), contexts.get("inputs")));
    Run run = new Run(withDefaults, new ArrayList<>(), new LinkedHashMap<>(), new StringBuilder());
    List<JsonNode> steps = new ArrayList<>();
    job.path("steps").forEach(steps::add);
    steps(steps.subList(0, Math.min(stepCount, steps.size())), run);
    return new Job(run.results, run.artifacts, run.summary.toString());
  }

  /** The {@code workflow_call} inputs' defaults, overridden by those the caller gives. */
  private static Map<String, Object> inputs(JsonNode workflow, Object given) {
    // YAML 1.1 reads the key `on` as the boolean true.
    JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.path("true");
    Map<String, Object> inputs = new LinkedHashMap<>();
    on.path("workflow_call")
        .path("inputs")
        .properties()
        .forEach(
            e -> {
              JsonNode value = e.getValue().path("default");
              inputs.put(
                  e.getKey(), value.isBoolean() ? (Object) value.asBoolean() : value.asText(""));
            });
    if (given instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) -> {
            if (!inputs.containsKey(name.toString())) {
              throw new AssertionError("the workflow has no input " + name);
            }
            inputs.put(name.toString(), value);
          });
    }
    return inputs;
  }

  private void steps(Iterable<JsonNode> steps, Run run) throws IOException {
    for (JsonNode step : steps) {
      WorkflowExpressions ex = run.expressions();
      String name = step.path("name").asText(step.path("uses").asText("run"));
      boolean wanted = step.has("if") ? ex.condition(step.get("if").asText()) : !run.failed;
      if (!wanted) {
        run.results.add(new Step(name, "skipped", 0, "", "", Map.of()));
        continue;
      }
      Outcome outcome = step.has("run") ? script(step, run) : uses(step, run);
      boolean continueOnError =
          step.has("continue-on-error")
              && WorkflowExpressions.truthy(ex.evaluate(step.get("continue-on-error").asText()));
      String verdict =
          outcome.exitCode == 0
              ? "success"
              : continueOnError ? "failure-continued" : "failure-stopped";
      run.failed |= verdict.equals("failure-stopped");
      run.results.add(
          new Step(
              name, verdict, outcome.exitCode, outcome.stdout, outcome.stderr, outcome.outputs));
      if (step.has("id")) {
        run.steps.put(
            step.get("id").asText(),
            Map.of(
                "outputs",
                outcome.outputs,
                "outcome",
                outcome.exitCode == 0 ? "success" : "failure"));
      }
    }
  }

  private record Outcome(int exitCode, String stdout, String stderr, Map<String, String> outputs) {
    static Outcome ok() {
      return new Outcome(0, "", "", Map.of());
    }
  }

  private Outcome script(JsonNode step, Run run) throws IOException {
    WorkflowExpressions ex = run.expressions();
    String script = step.get("run").asText();
    if (script.contains("${{")) {
      throw new AssertionError("a run: script holds an expression (use env:): " + script);
    }
    Map<String, String> env = new LinkedHashMap<>();
    step.path("env")
        .properties()
        .forEach(e -> env.put(e.getKey(), ex.interpolate(e.getValue().asText())));
    Path dir =
        step.has("working-directory")
            ? workspace.resolve(ex.interpolate(step.get("working-directory").asText())).normalize()
            : workspace;
    return bash(script, env, dir, run);
  }

  private Outcome bash(String script, Map<String, String> stepEnv, Path dir, Run run)
      throws IOException {
    Map<String, String> env = new LinkedHashMap<>(runnerEnv);
    env.putAll(stepEnv);
    StepScript.Result result = StepScript.run(script, dir, env, run.path, temp);
    result.addedPath().forEach(p -> run.path.add(0, p));
    run.summary.append(result.summary());
    return new Outcome(result.exitCode(), result.stdout(), result.stderr(), result.outputs());
  }

  private Outcome uses(JsonNode step, Run run) throws IOException {
    String uses = step.get("uses").asText();
    WorkflowExpressions ex = run.expressions();
    Map<String, String> with = new LinkedHashMap<>();
    step.path("with")
        .properties()
        .forEach(e -> with.put(e.getKey(), ex.interpolate(e.getValue().asText())));
    String action = uses.replaceAll("@.*", "");
    if (action.equals("actions/checkout") || action.equals("actions/setup-java")) {
      return Outcome.ok();
    }
    if (action.equals("actions/cache")) {
      Path dir = Path.of(with.get("path"));
      Files.createDirectories(dir.resolve("lib"));
      Files.copy(jar, dir.resolve("lib/posthog-gitops.jar"), StandardCopyOption.REPLACE_EXISTING);
      return new Outcome(0, "", "", Map.of("cache-hit", "true"));
    }
    if (action.equals("actions/upload-artifact")) {
      Path file = workspace.resolve(with.get("path")).normalize();
      if (!Files.isRegularFile(file)) {
        return new Outcome(1, "", "No files were found with the provided path: " + file, Map.of());
      }
      run.artifacts.put(with.get("name"), file);
      return Outcome.ok();
    }
    if (action.endsWith("/posthog-gitops") || uses.equals("./")) {
      return composite(with, run);
    }
    throw new AssertionError("the step uses " + uses + ", which this runner does not stand in for");
  }

  /** This repository's action.yml, its steps run in order with its inputs. */
  private Outcome composite(Map<String, String> with, Run caller) throws IOException {
    JsonNode action = YAML.readTree(repository.resolve("action.yml").toFile());
    Map<String, Object> inputs = new LinkedHashMap<>();
    action
        .path("inputs")
        .properties()
        .forEach(e -> inputs.put(e.getKey(), e.getValue().path("default").asText("")));
    with.forEach(
        (name, value) -> {
          if (!inputs.containsKey(name)) {
            throw new AssertionError("the action has no input " + name);
          }
          inputs.put(name, value);
        });
    @SuppressWarnings("unchecked")
    Map<String, Object> github = new HashMap<>((Map<String, Object>) caller.contexts.get("github"));
    github.put("action_path", repository.toString());
    github.put("action_ref", "");
    github.put("action_repository", "");
    Run run =
        new Run(
            Map.of("github", github, "inputs", inputs),
            caller.path,
            caller.artifacts,
            caller.summary);
    steps(action.path("runs").path("steps"), run);
    StringBuilder stdout = new StringBuilder();
    StringBuilder stderr = new StringBuilder();
    run.results.forEach(s -> stdout.append(s.stdout()));
    run.results.forEach(s -> stderr.append(s.stderr()));
    Map<String, String> outputs = new LinkedHashMap<>();
    WorkflowExpressions ex = run.expressions();
    action
        .path("outputs")
        .properties()
        .forEach(e -> outputs.put(e.getKey(), ex.interpolate(e.getValue().path("value").asText())));
    int exit =
        run.results.stream()
            .filter(s -> !s.outcome().startsWith("s"))
            .mapToInt(Step::exitCode)
            .findFirst()
            .orElse(0);
    return new Outcome(exit, stdout.toString(), stderr.toString(), outputs);
  }
}
