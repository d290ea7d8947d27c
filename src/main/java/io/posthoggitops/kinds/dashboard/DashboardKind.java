package io.posthoggitops.kinds.dashboard;

import static io.posthoggitops.kind.ValueType.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiReader;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.CanonicalJson;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Deletion;
import io.posthoggitops.kind.DescribedKind;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.kind.FieldSpec.Canon;
import io.posthoggitops.kind.KindSpec;
import io.posthoggitops.kind.Listing;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kind.ReferenceIds;
import io.posthoggitops.kind.ReferenceSlot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dashboards ({@code dashboards/}), identified by {@code name}, with their insight and text tiles
 * declared inline. Tiles are written through the insights they show and one {@code tiles} PATCH;
 * the list shape lacks tiles, so each dashboard is read once more on its own.
 */
public final class DashboardKind extends DescribedKind {

  private static final KindSpec SPEC =
      KindSpec.builder()
          .required("name", STRING, "The dashboard's name.")
          .field("description", STRING, "\"\"", "What the dashboard shows.")
          .field("pinned", BOOLEAN, "false", "Pinned in the sidebar.")
          .stringSet(
              "tags",
              Canon.LOWER_CASE_SET,
              "tagging",
              "Tags (stored only with PostHog's tagging feature).")
          .field(
              "filters",
              ANY_MAPPING,
              null,
              "Dashboard-level filters (PostHog cannot clear them with {}).")
          .field("restriction_level", INTEGER, null, "21 everyone can edit, 37 only collaborators.")
          .ours(
              "tiles",
              listOf(shape("DashboardTile")),
              "[]",
              "Insight tiles {insight: {name, description, query}, layouts} and text tiles"
                  + " {text, layouts}.")
          .server(KindSpec.COMMON_SERVER_FIELDS)
          .server(
              "creation_mode",
              "is_shared",
              "persisted_filters",
              "persisted_variables",
              "variables",
              "breakdown_colors",
              "data_color_theme_id",
              "quick_filter_ids",
              "deleted")
          .build();

  /**
   * A dashboard takes its insights that live on no other dashboard ({@code delete_insights}): they
   * are declared inline as part of it, the same rule as a removed tile, and PostHog restores them
   * with the dashboard.
   */
  private static final Deletion DELETION =
      Deletion.softDelete(
          CanonicalJson.NODES.objectNode().put("deleted", true).put("delete_insights", true));

  /** Declared after the tables it is built from, which static initialisation needs. */
  public static final DashboardKind KIND = new DashboardKind();

  private DashboardKind() {
    super(
        describe("Dashboard", "name", "dashboards", SPEC)
            .shapes(DashboardShapes.shapes())
            .references(List.of(ReferenceSlot.actionsNode("tiles")))
            .form(new DashboardForm())
            .listing(Listing.pages().completedBy("tiles")));
  }

  @Override
  public void check(DocumentRules document) {
    DashboardChecks.check(document);
  }

  @Override
  public Deletion deletion() {
    return DELETION;
  }

  @Override
  public List<ApiRequest> extraRequests(
      ChangeAction action,
      String objectPath,
      ObjectNode live,
      ObjectNode before,
      ObjectNode after,
      ReferenceIds ids) {
    if (!after.has("tiles")) {
      return List.of(); // tiles left to the PostHog UI (ignore_changes)
    }
    return new DashboardTiles(after.path("name").asText(), objectPath, live, before, ids)
        .requestsFor(after);
  }

  @Override
  public Map<String, LiveId> idsFromAnswer(
      ApiRequest request, ObjectNode answer, String identity, LiveId ownId, ApiReader api) {
    return DashboardWrites.tileOfInsight(request, answer, identity, ownId, api);
  }

  @Override
  public Optional<ObjectNode> recoverUnclearPost(
      ApiRequest request, String ownPath, ApiReader api) {
    return DashboardWrites.insightOnDashboard(request, ownPath, api);
  }

  /**
   * The dashboard's own delete flag, an insight's {@code dashboards}, and tiles (checked apart).
   */
  @Override
  public Set<String> notEchoed() {
    return Set.of("delete_insights", "dashboards", "tiles");
  }

  @Override
  public List<String> notStoredParts(ObjectNode sent, ObjectNode answer) {
    return DashboardWrites.layoutsNotStored(sent, answer);
  }

  /** Dashboard names are not unique in PostHog. */
  @Override
  public boolean identityKeptUnique() {
    return false;
  }
}
