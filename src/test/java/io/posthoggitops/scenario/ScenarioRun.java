package io.posthoggitops.scenario;

import io.posthoggitops.cli.InProcessCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine;

/**
 * Runs {@code plan} in-process for one scenario, in a scratch folder so paths in the output are
 * stable: the scratch folder's path is cut from stdout and stderr, leaving {@code desired/...} and
 * {@code live.json}, and digests are masked.
 */
final class ScenarioRun {

  /** Fixed, so the base commit id (shown in markdown plans) is the same on every run. */
  private static final Instant BASE_TIME = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * @param requests the requests besides reading live state (live scenarios), in order
   */
  record Result(String stdout, String stderr, int exitCode, List<String> requests) {}

  /** The loopback PostHog's address as plans of live scenarios show it, on every machine. */
  static final String LOOPBACK = "http://127.0.0.1:PORT";

  private static final Map<String, String> ENVIRONMENT =
      Map.of("MATON_API_KEY", "phx_scenario_key_not_secret");

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{16,64}");

  private ScenarioRun() {}

  static Result run(Scenario scenario, Path work) throws IOException, GitAPIException {
    Path declarations = work.resolve(Scenario.DESIRED);
    if (scenario.hasBase()) {
      commitBase(scenario.folder().resolve(Scenario.BASE), declarations, work);
    }
    copyTree(scenario.folder().resolve(Scenario.DESIRED), declarations);
    Files.copy(scenario.folder().resolve(Scenario.LIVE), work.resolve(Scenario.LIVE));
    List<String> args = new ArrayList<>(List.of("plan", declarations.toString()));
    if (scenario.hasConfig()) {
      Files.copy(scenario.folder().resolve(Scenario.CONFIG), work.resolve(Scenario.CONFIG));
      args.addAll(List.of("--config", work.resolve(Scenario.CONFIG).toString()));
    }
    if (scenario.hasBase()) {
      args.addAll(List.of("--base", "HEAD"));
    }
    args.addAll(scenario.extraArgs());
    if (!scenario.isLive()) {
      args.addAll(List.of("--snapshot", work.resolve(Scenario.LIVE).toString()));
      return execute(args, work, null);
    }
    try (LoopbackPostHog posthog =
        LoopbackPostHog.start(
            work.resolve(Scenario.LIVE), scenario.folder().resolve(Scenario.POSTHOG))) {
      args.addAll(List.of("--api-url", posthog.url()));
      Result result = execute(args, work, posthog.url());
      return new Result(
          result.stdout(), result.stderr(), result.exitCode(), posthog.writesAndAdvice());
    }
  }

  /**
   * @param url the loopback PostHog's address, cut from the output like the scratch folder
   */
  private static Result execute(List<String> args, Path work, String url) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = InProcessCli.commandLine(ENVIRONMENT, Clock.systemUTC());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args.toArray(String[]::new));
    return new Result(stable(out, work, url), stable(err, work, url), exit, List.of());
  }

  /**
   * Output without the scratch folder or the loopback PostHog's address, and with each plan digest
   * as {@code sha256:(digest)}: a digest covers every field of every change, so expected files
   * would change with any canonical form; PlanDigestTest and the saved-plan tests check digests
   * themselves.
   */
  private static String stable(StringWriter output, Path work, String url) {
    String text = output.toString().replace(work.toString() + "/", "");
    text = url == null ? text : text.replace(url, LOOPBACK);
    return DIGEST.matcher(text).replaceAll("sha256:(digest)");
  }

  /** A git repository whose HEAD holds the base declarations; the work tree is then emptied. */
  private static void commitBase(Path base, Path declarations, Path work)
      throws IOException, GitAPIException {
    copyTree(base, declarations);
    try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(Scenario.DESIRED).call();
      PersonIdent who =
          new PersonIdent("Scenario", "scenario@example.com", BASE_TIME, ZoneOffset.UTC);
      git.commit().setMessage("base").setAuthor(who).setCommitter(who).setSign(false).call();
    }
    deleteTree(declarations);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(file);
      }
    }
    Files.createDirectories(folder);
  }
}
