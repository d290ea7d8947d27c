package io.posthoggitops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.posthoggitops.config.FormatSchema;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema (draft 2020-12) of the YAML format, for editors.",
      "For yaml-language-server and the like. It comes from the same tables validate checks"
          + " against; validate remains the full check (references, rollout sums, cycles and"
          + " duplicates are beyond a schema)."
    },
    footer = {
      "",
      "Example: posthog-gitops schema --out .posthog-gitops.schema.json",
      "then make this the first line of each YAML file (path relative to the file):",
      "  # yaml-language-server: $schema=.posthog-gitops.schema.json"
    })
public class SchemaCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the schema to FILE instead of stdout.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String schema =
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(FormatSchema.generate())
            + System.lineSeparator();
    if (out == null) {
      spec.commandLine().getOut().print(schema);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
    try {
      Files.writeString(out, schema, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError(out + ": cannot write the schema (" + e.getMessage() + ").");
    }
    spec.commandLine().getErr().println("Wrote the JSON Schema to " + out + ".");
    return ExitCode.OK;
  }
}
