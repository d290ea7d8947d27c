package io.posthoggitops.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Environment variables for in-process CLI tests: {@code -Dtest.env.NAME} if set, else the real
 * variable. Enabled only by {@link LiveCliTest}'s profile.
 */
@Alternative
@ApplicationScoped
public class TestEnvironment extends ProcessEnvironment {

  static final String PREFIX = "test.env.";

  @Override
  public String get(String name) {
    String value = System.getProperty(PREFIX + name);
    return value != null ? value : super.get(name);
  }
}
