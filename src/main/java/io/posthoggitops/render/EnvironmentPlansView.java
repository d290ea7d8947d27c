package io.posthoggitops.render;

import io.posthoggitops.diff.ResourceDiff;
import io.posthoggitops.impact.Impact;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code plan --all-envs} (docs/format/environments.md): one section per environment in the
 * configured order, headed by its name and project, each the plan view of that environment with its
 * own summary line, then a total line. In markdown each environment is one {@code <details>}
 * section, and the comment's {@link PlanMarkdownView#MAX_CHARS} are shared fairly: an environment
 * needing less than an equal share leaves the rest to the others.
 */
public final class EnvironmentPlansView {

  /** Room for the total line, the wrappers and a cut line, beyond what the sections hold. */
  private static final int RESERVED_CHARS = 400;

  private static final int WRAPPER_CHARS = 200;

  /**
   * One environment's plan, the diff of each of its changes in the plan's order, and its impact
   * ({@link Impact#NONE} when not asked for).
   */
  public record Section(String environment, Plan plan, List<ResourceDiff> diffs, Impact impact) {}

  private EnvironmentPlansView() {}

  public static String text(List<Section> sections, boolean colour) {
    StringBuilder out = new StringBuilder();
    for (Section section : sections) {
      out.append(banner(section.environment(), section.plan())).append('\n');
      out.append(PlanTextView.render(section.plan(), section.diffs(), section.impact(), colour))
          .append('\n');
    }
    return out.append(total(sections)).append('\n').toString();
  }

  public static String markdown(List<Section> sections) {
    StringBuilder out = new StringBuilder();
    out.append(PlanMarkdownView.MARKER).append('\n');
    out.append("**").append(total(sections)).append("**\n\n");
    List<Integer> shares = shares(sections);
    for (int i = 0; i < sections.size(); i++) {
      Section section = sections.get(i);
      out.append(section.plan().hasChanges() ? "<details open>" : "<details>")
          .append("<summary><b>")
          .append(MarkdownText.html(heading(section)))
          .append("</b> · ")
          .append(MarkdownText.html(PlanSummary.line(section.plan())))
          .append("</summary>\n\n")
          .append(
              PlanMarkdownView.section(
                  section.plan(), section.diffs(), section.impact(), shares.get(i)))
          .append("\n</details>\n\n");
    }
    return out.toString();
  }

  /**
   * {@code Total over 2 environments: 1 to create, 0 to update, 0 to delete.}, or that none of them
   * has changes.
   */
  public static String total(List<Section> sections) {
    String over = "Total over " + sections.size() + " environments: ";
    if (sections.stream().noneMatch(s -> s.plan().hasChanges())) {
      return over + "no changes.";
    }
    return over
        + "%d to create, %d to update, %d to delete."
            .formatted(
                count(sections, ChangeAction.CREATE),
                count(sections, ChangeAction.UPDATE),
                count(sections, ChangeAction.DELETE));
  }

  /** {@code === Environment staging · project 4242 (Acme Staging) ===}, above its plan. */
  public static String banner(String environment, Plan plan) {
    return "=== " + heading(environment, plan) + " ===";
  }

  static String heading(Section section) {
    return heading(section.environment(), section.plan());
  }

  /** {@code Environment staging · project 4242 (Acme Staging)}. */
  public static String heading(String environment, Plan plan) {
    var m = plan.metadata();
    return "Environment "
        + environment
        + " · project "
        + m.projectId()
        + " ("
        + m.projectName()
        + ")";
  }

  private static long count(List<Section> sections, ChangeAction action) {
    return sections.stream().mapToLong(s -> s.plan().count(action)).sum();
  }

  /**
   * Each section's room: an equal share of what is left, given in order of need, so a section that
   * needs less than its share leaves the difference to the larger ones.
   */
  private static List<Integer> shares(List<Section> sections) {
    int left = PlanMarkdownView.MAX_CHARS - RESERVED_CHARS - WRAPPER_CHARS * sections.size();
    List<Integer> needs = new ArrayList<>();
    for (Section s : sections) {
      needs.add(
          PlanMarkdownView.section(s.plan(), s.diffs(), s.impact(), Integer.MAX_VALUE / 2)
              .length());
    }
    List<Integer> byNeed = new ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      byNeed.add(i);
    }
    byNeed.sort(Comparator.comparing(needs::get));
    List<Integer> shares = new ArrayList<>(needs);
    int remaining = sections.size();
    for (int i : byNeed) {
      int share = Math.min(needs.get(i), left / remaining);
      shares.set(i, share);
      left -= share;
      remaining--;
    }
    return shares;
  }
}
