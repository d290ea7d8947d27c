package io.posthoggitops.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ApiRequest;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.live.ApprovalRequiredException;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.live.UnclearWriteException;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.PendingRequests;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.RequestBuilder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out a plan: its changes in order, each change's requests one after another, ids of
 * objects created earlier put into later requests, each result printed as it completes. The first
 * failure stops the run; nothing is ever sent twice and nothing is ever HTTP DELETEd. A write
 * PostHog holds for approval (docs/approvals.md) is not a failure: the change awaits approval, the
 * run goes on, and the changes that reference it wait.
 */
public final class ApplyRun {
  private final PostHogApi api;
  private final PrintWriter out;
  private final PrintWriter err;
  private final CreatedIds created = new CreatedIds();
  private final UnclearPostRecovery recovery;

  private final Interruption interruption;

  public ApplyRun(PostHogApi api, PrintWriter out, PrintWriter err) {
    this(api, out, err, new Interruption());
  }

  /**
   * @param interruption asked before each request whether a signal wants the apply to stop
   */
  public ApplyRun(PostHogApi api, PrintWriter out, PrintWriter err, Interruption interruption) {
    this.api = api;
    this.out = out;
    this.err = err;
    this.recovery = new UnclearPostRecovery(api);
    this.interruption = interruption;
  }

  /** Runs the plan; a request apply would never send stops it before the first write. */
  public ApplyReport run(Plan plan) {
    List<Change> changes = plan.changes();
    changes.forEach(change -> change.requests().forEach(RequestShape::check));
    interruption.startWriting();
    List<Outcome> applied = new ArrayList<>();
    AwaitingApproval held = new AwaitingApproval(plan);
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      List<Change> rest = List.copyOf(changes.subList(i + 1, changes.size()));
      if (interruption.requested().isPresent()) {
        return held.report(
            applied, null, List.copyOf(changes.subList(i, changes.size())), stopSignal());
      }
      Optional<String> waits = held.holdBack(change);
      if (waits.isPresent()) {
        out.println(waits.get());
        out.flush();
        continue;
      }
      ChangeRun run = new ChangeRun(change);
      try {
        Outcome outcome = run.execute();
        out.println(outcome.doneLine());
        run.printCancelled();
        applied.add(outcome);
      } catch (ApprovalRequiredException e) {
        out.println(held.awaiting(new Outcome(change, run.id), e, run.sent - run.cancelled.size()));
        run.printCancelled();
      } catch (StoppedPartway e) {
        return held.report(applied, run.failure(e), rest, stopSignal());
      } catch (RuntimeException e) {
        return held.report(applied, run.failure(e), rest, null);
      }
    }
    return held.report(applied, null, List.of(), null);
  }

  private String stopSignal() {
    return interruption.requested().orElse(null);
  }

  /** A signal came between two requests of one change: the first took effect, the rest not. */
  private static final class StoppedPartway extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedPartway(String signal, int sent, int of) {
      super(
          "stopped by "
              + signal
              + " after "
              + sent
              + " of its "
              + of
              + " requests took effect; the others were not sent.");
    }
  }

  /** One change in progress: its id once known, and which of its requests is being sent. */
  private final class ChangeRun {
    private final Change change;
    private final List<String> cancelled = new ArrayList<>();
    private LiveId id;
    private int sent;
    private String current;

    ChangeRun(Change change) {
      this.change = change;
      this.id = change.liveId();
    }

    Outcome execute() {
      List<String> cancels = PendingRequests.cancelledBy(change);
      for (ApiRequest request : change.requests()) {
        if (sent > 0 && interruption.requested().isPresent()) {
          throw new StoppedPartway(interruption.requested().get(), sent, change.requests().size());
        }
        send(request);
        sent++;
        cancels.stream().filter(request.path()::contains).forEach(cancelled::add);
      }
      return new Outcome(change, id);
    }

    /** The change requests this change replaced, cancelled before it wrote. */
    void printCancelled() {
      cancelled.forEach(
          id -> out.println("    replaced change request #" + id + ", cancelled first"));
      out.flush();
    }

    private void send(ApiRequest request) {
      String path = ownPathOrFail(request.path());
      current = request.method() + " " + path;
      ObjectNode body = created.resolve(request.body());
      ApiRequest sent = new ApiRequest(request.method(), path, body);
      if ("POST".equals(sent.method())) {
        alreadyThere(sent)
            .ifPresent(
                found -> {
                  throw new IdentityTakenException(change, found);
                });
      }
      ObjectNode answer = write(sent);
      checkAnswerIsOwn(sent, answer);
      remember(sent, answer);
      StoredFields.notStored(change.kind(), body, answer)
          .forEach(
              field ->
                  err.println(
                      "warning: PostHog did not store "
                          + field
                          + " of "
                          + Outcome.describe(change)
                          + " ("
                          + current
                          + "); declare what PostHog keeps, or list the field in ignore_changes."));
      err.flush();
    }

    /**
     * Just before a POST, what PostHog already holds that the POST would make again: an object of
     * this identity (for kinds whose names PostHog does not keep unique, one filtered list), or
     * what the kind's own POST makes (an insight already on its dashboard). Another apply running
     * at the same time is how these come about.
     */
    private Optional<ObjectNode> alreadyThere(ApiRequest request) {
      if (request.path().equals(change.kind().resource() + "/")) {
        return change.kind().identityKeptUnique()
            ? Optional.empty()
            : recovery.byIdentitySearch(change);
      }
      return change.action() == ChangeAction.CREATE || ownPath() == null
          ? Optional.empty()
          : change.kind().recoverUnclearPost(request, ownPath(), api);
    }

    private ObjectNode write(ApiRequest request) {
      try {
        return api.write(request.method(), request.path(), request.body());
      } catch (UnclearWriteException e) {
        if (!"POST".equals(request.method())) {
          throw e;
        }
        ObjectNode found = recovery.find(change, request, ownPath()).orElseThrow(() -> e);
        err.println(
            "note: "
                + current
                + " got no clear answer ("
                + e.getMessage()
                + "); re-reading shows it"
                + " took effect, so it is not sent again.");
        err.flush();
        return found;
      }
    }

    /**
     * The create's POST gives the change its id; the kind may learn more ids from an answer (the
     * tile an inserted insight lands on).
     */
    private void remember(ApiRequest request, ObjectNode answer) {
      if (!"POST".equals(request.method())) {
        return;
      }
      if (id == null && request.path().equals(change.kind().resource() + "/")) {
        id = createdId(request, answer);
        created.put(change.address().toString(), id);
      } else if (id != null) {
        change
            .kind()
            .idsFromAnswer(request, answer, change.identity(), id, api)
            .forEach(created::put);
      }
    }

    /**
     * A write to this change's object must be answered with this object: an answer naming another
     * id means the write went somewhere else, so the apply stops there.
     */
    private void checkAnswerIsOwn(ApiRequest request, ObjectNode answer) {
      String own = ownPath();
      if (own == null || !request.path().startsWith(own) || !answer.has("id")) {
        return;
      }
      if (!change.kind().idFormat().parse(answer.get("id")).map(id::equals).orElse(false)) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.path()
                + " was answered with the object of id "
                + answer.get("id")
                + ", not "
                + id
                + "; PostHog may have changed another object, so nothing more was sent. Check"
                + " both in PostHog, then run plan again.");
      }
    }

    /** The id PostHog gave the new object; an answer without a valid one stops the apply. */
    private LiveId createdId(ApiRequest request, ObjectNode answer) {
      return change
          .kind()
          .idFormat()
          .parse(answer.get("id"))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      request.method()
                          + " "
                          + request.path()
                          + " answered without a valid id (got "
                          + answer.get("id")
                          + "); the object may exist now, so nothing that depends on it was sent."
                          + " Run plan again to see PostHog's state."));
    }

    private String ownPathOrFail(String path) {
      if (!path.contains("{id}")) {
        return path;
      }
      if (id == null) {
        throw new IllegalStateException(
            path + " needs the id of " + change.address() + ", which no earlier request gave");
      }
      return path.replace("{id}", id.toString());
    }

    private String ownPath() {
      return id == null ? null : RequestBuilder.objectPath(change.kind(), id);
    }

    ApplyReport.Failure failure(RuntimeException e) {
      return new ApplyReport.Failure(new Outcome(change, id), current, sent, e);
    }
  }
}
