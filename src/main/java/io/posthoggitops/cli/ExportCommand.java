package io.posthoggitops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true, description = "export (not built yet).")
public class ExportCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("export is not available in this build.");
    return ExitCode.ERROR;
  }
}
