package io.posthoggitops.apply;

import io.posthoggitops.live.ApprovalRequiredException;
import io.posthoggitops.model.Address;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.PendingApproval.Verdict;
import io.posthoggitops.plan.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an apply leaves to PostHog's approvals (docs/approvals.md): the changes it held as change
 * requests in this run, those the plan found already awaiting approval or blocked, and the changes
 * that reference any of them, which wait rather than fail on an id or a state that is not there.
 */
final class AwaitingApproval {
  private final Set<Address> held = new HashSet<>();
  private final List<ApplyReport.Awaiting> awaiting = new ArrayList<>();
  private final List<ApplyReport.Waiting> waiting = new ArrayList<>();
  private final List<PendingApproval> earlier;

  AwaitingApproval(Plan plan) {
    this.earlier = held(plan);
    earlier.forEach(a -> held.add(a.address()));
  }

  /** Whether the plan leaves anything to PostHog's approvals: awaiting, blocked or waiting. */
  static boolean leftBy(Plan plan) {
    return !held(plan).isEmpty();
  }

  private static List<PendingApproval> held(Plan plan) {
    return plan.approvals().stream()
        .filter(
            a ->
                a.verdict() == Verdict.AWAITING
                    || a.verdict() == Verdict.BLOCKED
                    || a.verdict() == Verdict.WAITING)
        .toList();
  }

  /**
   * When the change references something held, it waits (and so will what references it): the line
   * saying so.
   */
  Optional<String> holdBack(Change change) {
    Optional<Address> blocker = change.references().stream().filter(held::contains).findFirst();
    return blocker.map(
        b -> {
          ApplyReport.Waiting entry = new ApplyReport.Waiting(change, b);
          waiting.add(entry);
          held.add(change.address());
          return change.action().symbol() + " waiting " + entry.line();
        });
  }

  /** Records a change PostHog held for approval; returns its line. */
  String awaiting(Outcome outcome, ApprovalRequiredException answer, int sentBefore) {
    ApplyReport.Awaiting entry =
        new ApplyReport.Awaiting(outcome, answer.request(), answer.alreadyPending(), sentBefore);
    awaiting.add(entry);
    held.add(outcome.change().address());
    return outcome.change().action().symbol() + " awaiting approval " + entry.line();
  }

  /**
   * The report of the run, with what it left to approvals.
   *
   * @param stoppedBy the signal that stopped the run, or null
   */
  ApplyReport report(
      List<Outcome> applied,
      ApplyReport.Failure failed,
      List<Change> notAttempted,
      String stoppedBy) {
    return new ApplyReport(
        applied,
        failed,
        notAttempted,
        stoppedBy,
        List.copyOf(awaiting),
        List.copyOf(waiting),
        earlier);
  }
}
