package io.posthoggitops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "plan (not built yet).")
public class PlanCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("plan is not available in this build.");
    return ExitCode.ERROR;
  }
}
