package io.posthoggitops.kinds.action;

import static io.posthoggitops.kind.ValueType.*;

import io.posthoggitops.kind.ObjectShape;
import io.posthoggitops.kind.PropertyOperators;
import io.posthoggitops.kind.ValueType;
import java.util.List;

/** The nested parts of an Action: its steps and their property filters (docs/format/actions.md). */
final class ActionShapes {

  private static final ValueType MATCHING = oneOf("contains", "regex", "exact");

  private ActionShapes() {}

  static List<ObjectShape> shapes() {
    return List.of(
        ObjectShape.named("ActionStep", "One way to match the action; steps are OR-ed.")
            .member("event", STRING, "Event name, e.g. $pageview or $autocapture.")
            .member(
                "properties", listOf(shape("EventProperty")), "Event or person property filters.")
            .member("selector", STRING, "CSS selector of the element.")
            .member("tag_name", STRING, "HTML tag name.")
            .member("text", STRING, "Element text.")
            .member("text_matching", MATCHING, "How text matches.")
            .member("href", STRING, "Link target.")
            .member("href_matching", MATCHING, "How href matches.")
            .member("url", STRING, "Page URL.")
            .member("url_matching", MATCHING, "How url matches (PostHog defaults to contains).")
            .build(),
        ObjectShape.named("EventProperty", "A property filter of an action step.")
            .required("key", STRING, "Property name.")
            .member("value", ANY, "Value compared.")
            .member("operator", PropertyOperators.TYPE, "Comparison; default exact.")
            .member(
                "type",
                oneOf("event", "person", "element", "session", "hogql", "group"),
                "What the property belongs to.")
            .member("group_type_index", INTEGER, "For type: group.")
            .build());
  }
}
