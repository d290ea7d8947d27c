package io.posthoggitops.cli;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The process's environment variables, as a bean so in-process CLI tests can supply their own (the
 * JVM's environment cannot be changed from inside it).
 */
@ApplicationScoped
public class ProcessEnvironment {

  /** The variable's value, or null when unset. */
  public String get(String name) {
    return System.getenv(name);
  }
}
