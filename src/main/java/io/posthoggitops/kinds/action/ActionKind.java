package io.posthoggitops.kinds.action;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.DescribedKind;
import io.posthoggitops.kind.FieldSpec.Canon;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.Listing;

/**
 * Actions ({@code actions/}), identified by {@code name}. Cohorts refer to them as {@code {action:
 * NAME}}. PostHog answers the whole list at once, without pages.
 */
public final class ActionKind extends DescribedKind {

  private static final KindSpec SPEC =
      KindSpec.builder()
          .required("name", STRING, "The action's name (unique among live actions).")
          .field("description", STRING, "\"\"", "What the action matches.")
          .field("steps", listOf(shape("ActionStep")), "[]", "Match steps, OR-ed.")
          .field("post_to_slack", BOOLEAN, "false", "Post matches to Slack.")
          .field("slack_message_format", STRING, "\"\"", "Slack message template.")
          .field(
              "pinned",
              BOOLEAN,
              "false",
              "Pinned in the UI (PostHog's pinned_at, compared as pinned or not).")
          .stringSet(
              "tags",
              Canon.LOWER_CASE_SET,
              "tagging",
              "Tags (stored only with PostHog's tagging feature).")
          .server(KindSpec.COMMON_SERVER_FIELDS)
          .server(
              "pinned_at",
              "is_calculating",
              "is_action",
              "bytecode_error",
              "creation_context",
              "last_calculated_at",
              "deleted",
              "reference_count")
          .build();

  /** Declared after the tables it is built from, which static initialisation needs. */
  public static final ActionKind KIND = new ActionKind();

  private ActionKind() {
    super(
        describe("Action", "name", "actions", SPEC)
            .referredToAs("action")
            .shapes(ActionShapes.shapes())
            .form(new ActionForm())
            .listing(Listing.whole()));
  }

  /** Older PostHog versions keep action names unique only loosely. */
  @Override
  public boolean identityKeptUnique() {
    return false;
  }
}
