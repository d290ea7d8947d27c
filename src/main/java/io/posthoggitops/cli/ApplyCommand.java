package io.posthoggitops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "apply", mixinStandardHelpOptions = true, description = "apply (not built yet).")
public class ApplyCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("apply is not available in this build.");
    return ExitCode.ERROR;
  }
}
