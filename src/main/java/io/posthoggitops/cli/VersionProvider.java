package io.posthoggitops.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or {@code dev} when run from classes. */
public class VersionProvider implements IVersionProvider {

  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0";
  }

  @Override
  public String[] getVersion() {
    return new String[] {"posthog-gitops " + version()};
  }
}
