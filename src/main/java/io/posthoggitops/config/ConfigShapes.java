package io.posthoggitops.config;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.ObjectShape;
import java.util.List;
import java.util.Map;

/** The shapes of {@code posthog-gitops.yaml} (docs/connecting.md#the-config-file). */
final class ConfigShapes {

  static final ObjectShape FILE =
      ObjectShape.named("ConfigFile", "Settings of posthog-gitops; never the API key.")
          .member("api_url", STRING, "API base URL before /api/...")
          .member("project", ANY, "Numeric project id, or @current.")
          .member("connection", STRING, "Maton connection id.")
          .member("annotate", BOOLEAN, "Add a PostHog annotation after each successful apply.")
          .member("impact", BOOLEAN, "Show usage and reach beside each flag change in plans.")
          .member("prune", shape("PruneSettings"), "What --prune leaves alone.")
          .member(
              "rate_limit_per_minute",
              new Scalar(ScalarKind.INTEGER, List.of(), 1.0, null),
              "Requests per rolling minute (default 480).")
          .member("environments", mapOf(shape("Environment")), "Named PostHog projects for --env.")
          .member(
              "paths",
              listOf(STRING),
              "Declarations folders, relative to this file's folder: the default PATH.")
          .build();

  private static final Map<String, ObjectShape> NESTED =
      Map.of(
          "PruneSettings",
          ObjectShape.named("PruneSettings", "Settings of --prune.")
              .member("ignore", listOf(STRING), "KIND/IDENTITY globs that --prune leaves alone.")
              .build(),
          "Environment",
          ObjectShape.named("Environment", "One environment, selected with --env NAME.")
              .member("api_url", STRING, "API base URL before /api/...")
              .member("project", ANY, "Numeric project id, or @current.")
              .member("connection", STRING, "Maton connection id.")
              .build());

  private ConfigShapes() {}

  static ObjectShape named(String name) {
    ObjectShape shape = NESTED.get(name);
    if (shape == null) {
      throw new IllegalStateException("no config shape " + name);
    }
    return shape;
  }
}
