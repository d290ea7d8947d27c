package io.posthoggitops.planfile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.PendingApproval;
import io.posthoggitops.plan.PendingApproval.Verdict;
import io.posthoggitops.planfile.PlanFile.FileApproval;
import io.posthoggitops.planfile.PlanFile.FileChangeRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The saved plan's {@code approvals}: what the plan did about each resource with change requests
 * open in PostHog (docs/approvals.md), written and read back.
 */
final class PlanFileApprovals {

  private PlanFileApprovals() {}

  static List<FileApproval> write(List<PendingApproval> approvals) {
    return approvals.stream()
        .map(
            a ->
                new FileApproval(
                    a.address().kind().name(),
                    a.address().identity(),
                    a.liveId() == null ? null : a.liveId().json(),
                    a.verdict().name().toLowerCase(Locale.ROOT),
                    a.waitsFor() == null ? null : a.waitsFor().toString(),
                    a.requests().stream().map(PlanFileApprovals::write).toList()))
        .toList();
  }

  private static FileChangeRequest write(ChangeRequest r) {
    return new FileChangeRequest(
        r.id(),
        r.actionKey(),
        r.state(),
        r.approvals(),
        r.quorum(),
        new PlanFile.Approvers(r.approverUsers(), r.approverRoles()),
        r.requester(),
        r.stale(),
        r.canCancel());
  }

  /**
   * @param problem turns a description of what is wrong into the error naming the file
   */
  static List<PendingApproval> read(
      List<FileApproval> approvals, Function<String, UserError> problem) {
    return Objects.requireNonNullElse(approvals, List.<FileApproval>of()).stream()
        .map(a -> read(a, problem))
        .toList();
  }

  private static PendingApproval read(FileApproval a, Function<String, UserError> problem) {
    Kind kind =
        Kinds.named(String.valueOf(a.kind()))
            .orElseThrow(() -> problem.apply("unknown kind " + a.kind() + " in approvals"));
    Verdict verdict =
        Arrays.stream(Verdict.values())
            .filter(v -> v.name().toLowerCase(Locale.ROOT).equals(a.verdict()))
            .findFirst()
            .orElseThrow(() -> problem.apply("unknown verdict " + a.verdict() + " in approvals"));
    LiveId id =
        a.liveId() == null || a.liveId().isNull()
            ? null
            : kind.idFormat().parse(a.liveId()).orElse(null);
    List<ChangeRequest> requests =
        Objects.requireNonNullElse(a.changeRequests(), List.<FileChangeRequest>of()).stream()
            .map(r -> read(r, kind, id))
            .toList();
    return new PendingApproval(
        new Address(kind, String.valueOf(a.identity())),
        id,
        verdict,
        requests,
        a.waitsFor() == null ? null : address(a.waitsFor(), problem));
  }

  private static ChangeRequest read(FileChangeRequest r, Kind kind, LiveId id) {
    PlanFile.Approvers approvers =
        Objects.requireNonNullElse(r.approvers(), new PlanFile.Approvers(List.of(), List.of()));
    ObjectNode raw = JsonNodeFactory.instance.objectNode().put("id", r.id());
    return new ChangeRequest(
        r.id(),
        kind.approvalResourceType(),
        id == null ? null : id.toString(),
        r.actionKey(),
        r.state(),
        r.approvals(),
        r.quorum(),
        Objects.requireNonNullElse(approvers.users(), List.of()),
        Objects.requireNonNullElse(approvers.roles(), List.of()),
        r.canCancel(),
        r.stale(),
        null,
        r.requestedBy(),
        JsonNodeFactory.instance.objectNode(),
        raw);
  }

  private static Address address(String text, Function<String, UserError> problem) {
    int slash = text.indexOf('/');
    Kind kind = slash < 0 ? null : Kinds.named(text.substring(0, slash)).orElse(null);
    if (kind == null) {
      throw problem.apply("waits_for \"" + text + "\" is not KIND/IDENTITY");
    }
    return new Address(kind, text.substring(slash + 1));
  }
}
