package io.posthoggitops.kinds.dashboard;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.ObjectShape;
import java.util.List;

/** The nested parts of a Dashboard: its tiles and their insights (docs/format/dashboards.md). */
final class DashboardShapes {

  private DashboardShapes() {}

  static List<ObjectShape> shapes() {
    return List.of(
        ObjectShape.named("DashboardTile", "An insight tile or a text tile.")
            .member("insight", shape("Insight"), "An insight shown on this dashboard.")
            .member("text", STRING, "Markdown body of a text tile.")
            .member(
                "layouts",
                ANY_MAPPING,
                "{sm: {x, y, w, h}, xs: {...}}; compared only where declared.")
            .member("color", STRING, "Tile colour.")
            .member("show_description", BOOLEAN, "Show the insight's description.")
            .member("transparent_background", BOOLEAN, "Transparent tile background.")
            .member("filters_overrides", ANY_MAPPING, "Filters applied to this tile only.")
            .build(),
        ObjectShape.named(
                "Insight",
                "An insight that lives on the dashboard; its name is its identity there.")
            .member("name", STRING, "The insight's name, unique within the dashboard.")
            .member(
                "derived_name",
                STRING,
                "Instead of name, for an insight PostHog names itself (as export writes it).")
            .member("description", STRING, "What the insight shows.")
            .required(
                "query",
                ANY_MAPPING,
                "The insight query, e.g. {kind: InsightVizNode, source: {kind: TrendsQuery, ...}}.")
            .build());
  }
}
