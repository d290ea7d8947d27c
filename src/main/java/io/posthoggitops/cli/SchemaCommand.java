package io.posthoggitops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "schema", mixinStandardHelpOptions = true, description = "schema (not built yet).")
public class SchemaCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("schema is not available in this build.");
    return ExitCode.ERROR;
  }
}
