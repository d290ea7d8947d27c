package io.posthoggitops.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five kinds of PostHog object this tool manages, in dependency order (a kind may reference
 * only kinds before it). Per-kind field data lives in {@link KindSpec}.
 */
public enum Kind {
  ACTION("Action", "actions", "name"),
  COHORT("Cohort", "cohorts", "name"),
  FEATURE_FLAG("FeatureFlag", "feature_flags", "key"),
  EXPERIMENT("Experiment", "experiments", "feature_flag_key"),
  DASHBOARD("Dashboard", "dashboards", "name");

  private final String yamlName;
  private final String resource;
  private final String identityField;

  Kind(String yamlName, String resource, String identityField) {
    this.yamlName = yamlName;
    this.resource = resource;
    this.identityField = identityField;
  }

  /** The name used in YAML's {@code kind:} and in {@code --target KIND/IDENTITY}. */
  public String yamlName() {
    return yamlName;
  }

  /** The path segment under {@code /api/projects/{id}/}, e.g. {@code feature_flags}. */
  public String resource() {
    return resource;
  }

  /** The field whose value identifies a document of this kind. */
  public String identityField() {
    return identityField;
  }

  /** The folder name used by {@code export}, e.g. {@code feature-flags}. */
  public String folderName() {
    return resource.replace('_', '-');
  }

  public static Optional<Kind> fromYamlName(String name) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
  }
}
