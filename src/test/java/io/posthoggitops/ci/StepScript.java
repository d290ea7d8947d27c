package io.posthoggitops.ci;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code run:} step in bash as a GitHub runner starts it ({@code bash --noprofile --norc -eo
 * pipefail}), with the files a step writes workflow commands to: {@code GITHUB_OUTPUT}, {@code
 * GITHUB_PATH}, {@code GITHUB_ENV}, {@code GITHUB_STEP_SUMMARY}.
 */
final class StepScript {

  /**
   * @param addedPath what the step appended to {@code GITHUB_PATH}, for the steps after it
   * @param summary what it appended to its job summary
   */
  record Result(
      int exitCode,
      String stdout,
      String stderr,
      Map<String, String> outputs,
      List<String> addedPath,
      String summary) {}

  private StepScript() {}

  /**
   * @param path folders before the machine's own {@code PATH} (added by earlier steps)
   * @param temp where the step's files go
   */
  static Result run(String script, Path dir, Map<String, String> env, List<String> path, Path temp)
      throws IOException {
    Path files = Files.createTempDirectory(temp, "step");
    Path scriptFile = files.resolve("script.sh");
    Files.writeString(scriptFile, script);
    ProcessBuilder process =
        new ProcessBuilder(
                "bash", "--noprofile", "--norc", "-eo", "pipefail", scriptFile.toString())
            .directory(dir.toFile())
            .redirectOutput(files.resolve("stdout").toFile())
            .redirectError(files.resolve("stderr").toFile());
    Map<String, Path> commandFiles = new LinkedHashMap<>();
    for (String name :
        List.of("GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_ENV", "GITHUB_STEP_SUMMARY")) {
      commandFiles.put(name, Files.createFile(files.resolve(name)));
      process.environment().put(name, files.resolve(name).toString());
    }
    List<String> searched = new ArrayList<>(path);
    searched.add(Path.of(System.getProperty("java.home"), "bin").toString());
    searched.add(System.getenv("PATH"));
    process.environment().put("PATH", String.join(File.pathSeparator, searched));
    process.environment().putAll(env);
    int exit;
    try {
      exit = process.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new Result(
        exit,
        Files.readString(files.resolve("stdout")),
        Files.readString(files.resolve("stderr")),
        outputs(Files.readAllLines(commandFiles.get("GITHUB_OUTPUT"), StandardCharsets.UTF_8)),
        Files.readAllLines(commandFiles.get("GITHUB_PATH")).stream().map(String::strip).toList(),
        Files.readString(commandFiles.get("GITHUB_STEP_SUMMARY")));
  }

  /** {@code name=value} lines and {@code name<<DELIMITER} blocks, as GitHub reads them. */
  static Map<String, String> outputs(List<String> lines) {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int equals = line.indexOf('=');
      if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
        String delimiter = line.substring(heredoc + 2);
        List<String> value = new ArrayList<>();
        while (!lines.get(++i).equals(delimiter)) {
          value.add(lines.get(i));
        }
        outputs.put(line.substring(0, heredoc), String.join("\n", value));
      } else if (equals > 0) {
        outputs.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return outputs;
  }
}
