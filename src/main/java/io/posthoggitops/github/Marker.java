package io.posthoggitops.github;

import io.posthoggitops.model.UserError;

/**
 * The hidden first line a comment or issue of ours is found by: {@code <!-- posthog-gitops-NAME
 * -->}. The plan comment's is {@code <!-- posthog-gitops-plan -->}, the first line of {@code plan
 * --format markdown}.
 */
public record Marker(String name) {

  public static final Marker PLAN = new Marker("plan");
  public static final Marker DRIFT = new Marker("drift");

  public Marker {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new UserError(
          "marker name '"
              + name
              + "' is not usable: use lower-case letters, digits and dashes, e.g. plan or apply.",
          64);
    }
  }

  public String text() {
    return "<!-- posthog-gitops-" + name + " -->";
  }

  /** Whether {@code body} is ours: it starts with this marker. */
  public boolean opens(String body) {
    return body != null && body.stripLeading().startsWith(text());
  }

  /** {@code body} with this marker as its first line (unchanged when it already starts so). */
  public String mark(String body) {
    return opens(body) ? body : text() + "\n" + body;
  }
}
