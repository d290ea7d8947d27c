package io.posthoggitops.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One scenario folder: what it declares and what it expects. */
record Scenario(Path folder) {

  static final String DESIRED = "desired";
  static final String BASE = "base";
  static final String LIVE = "live.json";
  static final String CONFIG = "posthog-gitops.yaml";
  static final String POSTHOG = "posthog.json";
  private static final String PLAN = "expected-plan.txt";
  private static final String EXIT = "expected-exit.txt";
  private static final String STDERR = "expected-stderr.txt";
  private static final String ARGS = "args.txt";
  private static final String REQUESTS = "expected-requests.txt";

  String name() {
    return folder.getFileName().toString();
  }

  boolean hasBase() {
    return Files.isDirectory(folder.resolve(BASE));
  }

  boolean hasConfig() {
    return Files.isRegularFile(folder.resolve(CONFIG));
  }

  /**
   * A live scenario: {@code posthog.json} says what a loopback PostHog answers besides the
   * snapshot's objects, and the plan reads from it rather than from the snapshot.
   */
  boolean isLive() {
    return Files.isRegularFile(folder.resolve(POSTHOG));
  }

  /** The requests a live scenario sends besides reading live state, one per line, in order. */
  List<String> expectedRequests() throws IOException {
    Path requests = folder.resolve(REQUESTS);
    return Files.exists(requests) ? Files.readAllLines(requests) : List.of();
  }

  String expectedPlan() throws IOException {
    Path plan = folder.resolve(PLAN);
    return Files.exists(plan) ? Files.readString(plan) : "";
  }

  int expectedExit() throws IOException {
    Path exit = folder.resolve(EXIT);
    return Files.exists(exit) ? Integer.parseInt(Files.readString(exit).strip()) : 0;
  }

  List<String> expectedStderr() throws IOException {
    Path stderr = folder.resolve(STDERR);
    return Files.exists(stderr)
        ? Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList()
        : List.of();
  }

  /**
   * Extra plan arguments: whitespace-separated, double quotes keep spaces ({@code --target
   * "Cohort/Pilot users"}).
   */
  List<String> extraArgs() throws IOException {
    Path args = folder.resolve(ARGS);
    return Files.exists(args) ? split(Files.readString(args)) : List.of();
  }

  /** Writes the actual output as the new expectation ({@code -Dscenarios.update=true}). */
  void record(String stdout, String stderr, int exitCode, List<String> requests)
      throws IOException {
    Files.writeString(folder.resolve(PLAN), stdout);
    writeOrDelete(folder.resolve(EXIT), exitCode == 0 ? "" : exitCode + "\n");
    writeOrDelete(folder.resolve(STDERR), stderr);
    writeOrDelete(
        folder.resolve(REQUESTS), requests.stream().map(r -> r + "\n").reduce("", String::concat));
  }

  private static void writeOrDelete(Path file, String content) throws IOException {
    if (content.isEmpty()) {
      Files.deleteIfExists(file);
    } else {
      Files.writeString(file, content);
    }
  }

  private static List<String> split(String text) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean inToken = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        inToken = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inToken) {
          args.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else {
        current.append(c);
        inToken = true;
      }
    }
    if (inToken) {
      args.add(current.toString());
    }
    return args;
  }
}
