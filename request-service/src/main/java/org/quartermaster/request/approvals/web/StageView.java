package org.quartermaster.request.approvals.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.request.approvals.domain.Decision;
import org.quartermaster.request.approvals.domain.Stage;
import org.quartermaster.request.approvals.domain.StageStatus;

/**
 * Graph's approvalStage (beta approvalStep). {@code reviewResult} is the verb the deciding approver sent, as Graph shows
 * it. {@code approvalsRequired}, {@code decisions} and {@code escalated} are Quartermaster extensions, which Graph clients
 * ignore: a quorum stage has several decisions, and Graph's single reviewedBy shows the one that closed the stage.
 */
public record StageView(
    String id,
    String displayName,
    String reviewResult,
    String status,
    boolean assignedToMe,
    Identity reviewedBy,
    Instant reviewedDateTime,
    String justification,
    int approvalsRequired,
    List<DecisionView> decisions,
    boolean escalated) {

  /** Graph's identity: who decided. */
  public record Identity(String id, String displayName) {

    static Identity of(UUID id, Map<UUID, String> names) {
      return new Identity(id.toString(), names.get(id));
    }
  }

  /** One approver's decision on the stage. */
  public record DecisionView(Identity reviewedBy, String reviewResult, String justification, Instant reviewedDateTime) {
  }

  /**
   * @param open whether the request still waits for approval; a stage of a canceled or denied request is not assigned to
   *     anyone any more
   */
  static StageView of(Stage stage, UUID caller, boolean open, Map<UUID, String> names) {
    Decision closing = stage.closingDecision().orElse(null);
    boolean assigned = open && stage.status().open() && stage.awaiting().contains(caller);
    return new StageView(stage.id().toString(), "Stage " + stage.index(),
        closing == null ? "NotReviewed" : closing.result().graphName(), status(stage.status(), open), assigned,
        closing == null ? null : Identity.of(closing.approverId(), names),
        closing == null ? null : closing.at(), closing == null ? null : closing.justification(),
        stage.settings().approvalsRequired(),
        stage.decisions().stream().map(decision -> new DecisionView(Identity.of(decision.approverId(), names),
            decision.result().graphName(), decision.justification(), decision.at())).toList(),
        stage.status() == StageStatus.ESCALATED || !stage.escalationApprovers().isEmpty());
  }

  /** A stage left open when its request was canceled is over too: nobody can decide it any more. */
  private static String status(StageStatus status, boolean requestOpen) {
    if (status == StageStatus.NOT_STARTED) {
      return "NotStarted";
    }
    return status.open() && requestOpen ? "InProgress" : "Completed";
  }
}
