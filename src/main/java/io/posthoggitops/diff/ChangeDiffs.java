package io.posthoggitops.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The diff of each change in a plan: a create shows every line added, an update a unified diff of
 * the canonical YAML of the live and the desired object (3 lines of context, each hunk headed by
 * the YAML path it changes), a delete the request that removes it.
 */
public final class ChangeDiffs {

  static final String NO_VISIBLE_DIFFERENCE = "(no difference in the compared fields)";
  private static final int CONTEXT = 3;
  private static final Pattern HUNK =
      Pattern.compile("@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");

  private ChangeDiffs() {}

  /** One diff per change, in the plan's order. */
  public static List<ResourceDiff> of(Plan plan) {
    Set<Address> created = createdAddresses(plan);
    return plan.changes().stream().map(c -> of(c, created)).toList();
  }

  /** {@code KIND/IDENTITY} of every object the plan creates (their ids are known after apply). */
  public static Set<Address> createdAddresses(Plan plan) {
    return plan.changes().stream()
        .filter(c -> c.action() == ChangeAction.CREATE)
        .map(Change::address)
        .collect(Collectors.toUnmodifiableSet());
  }

  public static ResourceDiff of(Change change, Set<Address> createdAddresses) {
    return switch (change.action()) {
      case CREATE -> new ResourceDiff(created(change.after(), createdAddresses), List.of());
      case DELETE -> new ResourceDiff(List.of(change.kind().deletion().shown()), List.of());
      case UPDATE ->
          new ResourceDiff(
              updated(change.before(), change.after(), createdAddresses),
              LeafChange.between(change.before(), change.after()));
      case NO_OP -> new ResourceDiff(List.of(), List.of());
    };
  }

  private static List<String> created(JsonNode after, Set<Address> created) {
    return CanonicalYaml.lines(withoutNestedNulls(after, true), created).stream()
        .map(l -> "+ " + l.text())
        .toList();
  }

  /**
   * A create lists every top-level field it will set, but nested keys whose value is null (an
   * action step's unused matchers, a group's absent variant) only add noise: null and absent mean
   * the same to PostHog there.
   */
  private static JsonNode withoutNestedNulls(JsonNode node, boolean topLevel) {
    if (node == null || !node.isContainerNode()) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    if (copy instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isNull() && !topLevel) {
          object.remove(name);
        } else {
          object.set(name, withoutNestedNulls(value, false));
        }
      }
    } else if (copy instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, withoutNestedNulls(array.get(i), false));
      }
    }
    return copy;
  }

  private static List<String> updated(JsonNode before, JsonNode after, Set<Address> created) {
    List<YamlLine> old = CanonicalYaml.lines(before, created);
    List<YamlLine> neu = CanonicalYaml.lines(after, created);
    List<String> oldText = old.stream().map(YamlLine::text).toList();
    List<String> newText = neu.stream().map(YamlLine::text).toList();
    Patch<String> patch = DiffUtils.diff(oldText, newText);
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff("live", "desired", oldText, patch, CONTEXT);
    if (unified.size() <= 2) {
      return List.of(NO_VISIBLE_DIFFERENCE);
    }
    return relabel(unified.subList(2, unified.size()), old, neu);
  }

  /** Rewrites java-diff-utils' hunks: {@code @@ PATH @@} headers and a space after each marker. */
  private static List<String> relabel(
      List<String> unified, List<YamlLine> old, List<YamlLine> neu) {
    List<String> out = new ArrayList<>();
    List<String> removedPaths = new ArrayList<>();
    List<String> addedPaths = new ArrayList<>();
    int headerAt = -1;
    int oi = 0;
    int ni = 0;
    for (String line : unified) {
      Matcher hunk = HUNK.matcher(line);
      if (hunk.matches()) {
        closeHunk(out, headerAt, removedPaths, addedPaths);
        headerAt = out.size();
        out.add(null);
        oi = Integer.parseInt(hunk.group(1)) - 1;
        ni = Integer.parseInt(hunk.group(2)) - 1;
        continue;
      }
      char marker = line.isEmpty() ? ' ' : line.charAt(0);
      String text = line.isEmpty() ? "" : line.substring(1);
      if (marker == '-') {
        removedPaths.add(old.get(oi++).path());
      } else if (marker == '+') {
        addedPaths.add(neu.get(ni++).path());
      } else {
        oi++;
        ni++;
      }
      out.add(marker + " " + text);
    }
    closeHunk(out, headerAt, removedPaths, addedPaths);
    return out;
  }

  /**
   * Labels a hunk by where its added lines sit in the desired object (where the reviewer will
   * edit), or by its removed lines when it only removes: list indexes can differ between the two
   * sides.
   */
  private static void closeHunk(
      List<String> out, int headerAt, List<String> removed, List<String> added) {
    if (headerAt >= 0) {
      out.set(headerAt, "@@ " + YamlPaths.hunkLabel(added.isEmpty() ? removed : added) + " @@");
    }
    removed.clear();
    added.clear();
  }
}
