package io.posthoggitops.planfile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.plan.PlanDigest;
import java.io.IOException;

/**
 * Edits of saved plans as someone tampering with one would make them, with the digest left as it
 * was or recomputed over the edited changes (so the checks behind the digest are reached too).
 */
public final class PlanFileEdits {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanFileEdits() {}

  public static ObjectNode parse(String json) throws IOException {
    return (ObjectNode) JSON.readTree(json);
  }

  public static String text(ObjectNode plan) throws IOException {
    return JSON.writeValueAsString(plan) + "\n";
  }

  /** The edited plan with a digest that matches its edited changes. */
  public static String withRecomputedDigest(ObjectNode plan) throws IOException {
    String text = text(plan);
    plan.put("digest", PlanDigest.of(PlanFiles.read(text, "edited.json", false)));
    return text(plan);
  }
}
