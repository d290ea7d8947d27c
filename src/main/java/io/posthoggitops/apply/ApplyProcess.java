package io.posthoggitops.apply;

import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.PlanDigest;
import io.posthoggitops.render.Counted;
import io.posthoggitops.render.PlanSummary;
import io.posthoggitops.render.PlanTextView;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The whole of {@code apply} once a plan is in hand: nothing is written without approval, a saved
 * plan must be for the target project and still fresh, then the plan runs and is accounted for, and
 * a successful apply that changed something is annotated when asked.
 */
public final class ApplyProcess {

  /** How an apply ended; the CLI maps each to its exit code. */
  public enum Result {
    NO_CHANGES,
    NOT_APPROVED,
    STALE_PLAN,
    /** A saved plan whose every change PostHog already holds: nothing to write. */
    ALREADY_APPLIED,
    EDITED_PLAN,
    INTERRUPTED,
    APPLIED,
    FAILED,
    /** Applied what could be applied; changes await approval in PostHog (docs/approvals.md). */
    AWAITING_APPROVAL
  }

  /**
   * @param approve {@code --approve} was given
   * @param approveCommand the command line that approves, shown when {@code approve} is false
   * @param annotate {@code annotate: true} in the config
   * @param commit the git commit to name in the annotation, or null
   */
  public record Settings(boolean approve, String approveCommand, boolean annotate, String commit) {}

  private final PostHogApi api;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final Interruption interruption;

  public ApplyProcess(PostHogApi api, PrintWriter out, PrintWriter err, Clock clock) {
    this(api, out, err, clock, new Interruption());
  }

  /**
   * @param interruption set by a signal; the apply then stops after the write in flight
   */
  public ApplyProcess(
      PostHogApi api, PrintWriter out, PrintWriter err, Clock clock, Interruption interruption) {
    this.api = api;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.interruption = interruption;
  }

  /** Applies a plan computed just now from PATH. */
  public Result applyFresh(Plan plan, Settings settings, Function<Plan, String> view) {
    return gateThenApply(plan, settings, view, null);
  }

  /** Applies a saved plan, after checking its project and that PostHog has not moved since. */
  public Result applySaved(
      Plan plan,
      String fileName,
      Settings settings,
      Function<Plan, String> view,
      StalePlanCheck check) {
    PostHogApi.ProjectInfo target = api.project();
    if (plan.metadata().projectId() != target.id()) {
      throw new UserError(
          "the saved plan %s is for project %d (%s), but the target is project %d (%s); nothing was written. Apply it with --project %d, or make a new plan for this project."
              .formatted(
                  fileName,
                  plan.metadata().projectId(),
                  plan.metadata().projectName(),
                  target.id(),
                  target.name(),
                  plan.metadata().projectId()));
    }
    return gateThenApply(plan, settings, view, check);
  }

  private Result gateThenApply(
      Plan plan, Settings settings, Function<Plan, String> view, StalePlanCheck check) {
    if (!plan.hasChanges()) {
      out.print(PlanTextView.pendingApprovals(plan));
      out.println(PlanSummary.line(plan));
      if (PlanSummary.approvalsLine(plan) != null) {
        out.println(PlanSummary.approvalsLine(plan));
      }
      out.flush();
      return AwaitingApproval.leftBy(plan) ? Result.AWAITING_APPROVAL : Result.NO_CHANGES;
    }
    if (!settings.approve()) {
      out.print(view.apply(plan));
      out.println("Nothing was written. To apply this plan, run:");
      out.println("  " + settings.approveCommand());
      out.flush();
      return Result.NOT_APPROVED;
    }
    if (check != null) {
      StalePlanCheck.Verdict verdict = check.verify(plan, api);
      if (verdict.alreadyApplied(plan)) {
        out.println(
            "The saved plan "
                + PlanDigest.shown(plan)
                + " ("
                + Counted.of(plan.changes().size(), "change")
                + ") is already applied: PostHog already holds its result; nothing was written.");
        out.flush();
        return Result.ALREADY_APPLIED;
      }
      if (isStale(verdict)) {
        return Result.STALE_PLAN;
      }
      if (isEdited(verdict.edited())) {
        return Result.EDITED_PLAN;
      }
      out.println("Applying the saved plan " + PlanDigest.shown(plan) + ".");
      out.flush();
    }
    return apply(plan, settings);
  }

  private boolean isEdited(List<StalePlanCheck.Stale> edited) {
    if (edited.isEmpty()) {
      return false;
    }
    err.println(
        "error: the saved plan does not hold what it shows: its requests are not the ones its"
            + " changes make, so it was edited after it was made; nothing was written.");
    edited.forEach(s -> err.println("  " + s.line()));
    err.println("Make a new plan (posthog-gitops plan --out FILE), review it, and apply that one.");
    err.flush();
    return true;
  }

  /** Stale, or applied in part only: either way a new plan is needed (docs/commands/apply.md). */
  private boolean isStale(StalePlanCheck.Verdict verdict) {
    if (verdict.stale().isEmpty() && verdict.inEffect().isEmpty()) {
      return false;
    }
    err.println(
        "error: the saved plan is stale: PostHog changed since it was made; nothing was written.");
    verdict.stale().forEach(s -> err.println("  " + s.line()));
    verdict.inEffect().stream()
        .map(c -> new StalePlanCheck.Stale(c, "already as this plan makes it (applied before)"))
        .forEach(s -> err.println("  " + s.line()));
    err.println("Make a new plan (posthog-gitops plan --out FILE), review it, and apply that one.");
    err.flush();
    return true;
  }

  private Result apply(Plan plan, Settings settings) {
    ApplyReport report = new ApplyRun(api, out, err, interruption).run(plan);
    report.summary().forEach(out::println);
    out.flush();
    if (report.stoppedBy() != null) {
      err.println(
          "error: apply stopped by "
              + report.stoppedBy()
              + (report.failed() == null
                  ? ""
                  : " partway through " + report.failed().outcome().resource())
              + "; see the summary above.");
      err.flush();
      return Result.INTERRUPTED;
    }
    if (!report.succeeded()) {
      boolean stale = report.failed().error() instanceof IdentityTakenException;
      err.println(
          "error: apply stopped at "
              + report.failed().outcome().resource()
              + (stale ? ", which PostHog already holds: the plan is stale there" : "")
              + "; see the summary above.");
      err.flush();
      return stale ? Result.STALE_PLAN : Result.FAILED;
    }
    if (settings.annotate()) {
      ApplyAnnotation.addIfChanged(api, settings.commit(), report, clock, err);
      err.flush();
    }
    return report.leftToApprovals() ? Result.AWAITING_APPROVAL : Result.APPLIED;
  }
}
