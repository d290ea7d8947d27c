package io.posthoggitops.kinds.earlyaccess;

import static io.posthoggitops.kind.ValueType.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.Deletion;
import io.posthoggitops.kind.DescribedKind;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.ForeignKey;
import io.posthoggitops.kind.IdFormat;
import io.posthoggitops.kind.JsonEquality;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.Listing;
import io.posthoggitops.kind.Problem;
import io.posthoggitops.kind.ReferenceSlot;
import java.util.List;

/**
 * Early access features ({@code early_access_feature/}), identified by {@code name}: a feature
 * people opt into, linked to one feature flag ({@code feature_flag_id: {flag: KEY}}) that its
 * {@code stage} drives. Ids are UUIDs. PostHog keeps no soft delete for them and this tool never
 * sends HTTP DELETE, so removing one moves it to {@code stage: archived}, which also unenrolls its
 * flag; an archived feature counts as removed.
 */
public final class EarlyAccessFeatureKind extends DescribedKind {

  static final List<String> STAGES =
      List.of("draft", "concept", "alpha", "beta", "general-availability", "archived");
  private static final String ARCHIVED = "archived";
  private static final String FLAG = "feature_flag_id";

  private static final KindSpec SPEC =
      KindSpec.builder()
          .required("name", STRING, "The feature's name, shown to people (its identity here).")
          .field("description", STRING, "\"\"", "What the feature does.")
          .required(
              "stage",
              oneOf(STAGES.toArray(String[]::new)),
              "Where it stands; alpha, beta and general-availability serve opted-in people.")
          .field("documentation_url", STRING, "\"\"", "A link to its documentation.")
          .required(
              FLAG,
              ANY,
              "{flag: KEY} or a flag id: the flag it drives; set when it is created, never moved.")
          .server(
              "id",
              "feature_flag",
              "payload",
              "assignee",
              "created_at",
              "created_by",
              "user_access_level",
              "_create_in_folder")
          .build();

  /** The flag's enrollment, which the feature's stage sets and unsets. */
  private static final List<ForeignKey> WRITES =
      List.of(new ForeignKey("flag", "/filters/feature_enrollment"));

  private static final Deletion ARCHIVE =
      new Deletion(
          CanonicalJson.NODES.objectNode().put("stage", ARCHIVED),
          "archive",
          "archive: PATCH {\"stage\": \"archived\"}");

  /** Declared after the tables it is built from, which static initialisation needs. */
  public static final EarlyAccessFeatureKind KIND = new EarlyAccessFeatureKind();

  private EarlyAccessFeatureKind() {
    super(
        describe("EarlyAccessFeature", "name", "early_access_feature", SPEC)
            .references(List.of(ReferenceSlot.wholeField(FLAG, "flag")))
            .form(new EarlyAccessFeatureForm())
            .listing(Listing.pages().onlyWhereServed())
            .ids(IdFormat.UUID));
  }

  @Override
  public String folderName() {
    return "early-access-features";
  }

  @Override
  public void check(DocumentRules document) {
    EarlyAccessFeatureChecks.check(document);
  }

  @Override
  public List<ForeignKey> writesInto() {
    return WRITES;
  }

  @Override
  public Deletion deletion() {
    return ARCHIVE;
  }

  @Override
  public boolean isRetired(ObjectNode raw) {
    return ARCHIVED.equals(raw.path("stage").asText());
  }

  /** PostHog links the flag on create only; moving a feature to another flag is refused. */
  @Override
  public List<Problem> refusedUpdate(ObjectNode before, ObjectNode after) {
    if (!after.has(FLAG) || JsonEquality.same(before.get(FLAG), after.get(FLAG))) {
      return List.of();
    }
    return List.of(
        new Problem(
            "/" + FLAG,
            ("%s/%s is linked to %s in PostHog, which cannot move an early access feature to another"
                    + " flag; declare %s: %s, or tombstone this feature and declare a new one under"
                    + " another name")
                .formatted(
                    name(),
                    after.path(identityField()).asText(),
                    flag(before.get(FLAG)),
                    FLAG,
                    flag(before.get(FLAG)))));
  }

  /** {@code {flag: dark-mode}} as the YAML says it, or the id. */
  private static String flag(JsonNode value) {
    JsonNode key = value.path("flag");
    return key.isTextual() ? "{flag: " + key.asText() + "}" : value.asText();
  }
}
