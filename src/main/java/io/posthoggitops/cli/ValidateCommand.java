package io.posthoggitops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "validate (not built yet).")
public class ValidateCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("validate is not available in this build.");
    return ExitCode.ERROR;
  }
}
