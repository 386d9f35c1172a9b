package org.quartermaster.request.requests.domain;

import java.util.List;
import java.util.UUID;
import org.quartermaster.request.approvals.domain.Decision;
import org.quartermaster.request.approvals.domain.Stage;

/** What happened to a request; each carries the request as it stands afterwards and is keyed by its target. */
public sealed interface RequestEvent {

  AssignmentRequest request();

  /** A request passed validation and was stored. */
  record Created(AssignmentRequest request) implements RequestEvent {
  }

  /** A request is ready for provisioning: on submission without approval, and again on reprocess. */
  record DeliveryRequested(AssignmentRequest request) implements RequestEvent {
  }

  /** Provisioning finished the request's work. */
  record Delivered(AssignmentRequest request) implements RequestEvent {
  }

  /** Delivery failed for good, or only partly succeeded. */
  record Failed(AssignmentRequest request, String reason) implements RequestEvent {
  }

  /** The request was canceled before delivery. */
  record Canceled(AssignmentRequest request) implements RequestEvent {
  }

  /** An approval stage began; its approvers (fallbacks applied, requestor and target excluded) may decide. */
  record StageStarted(AssignmentRequest request, Stage stage) implements RequestEvent {

    public List<UUID> approverIds() {
      return stage.approvers();
    }
  }

  /** An approver approved the stage; {@code stage.status()} says whether that completed it. */
  record StageApproved(AssignmentRequest request, Stage stage, Decision decision) implements RequestEvent {
  }

  /** An approver denied the stage; a {@link Denied} follows. */
  record StageDenied(AssignmentRequest request, Stage stage, Decision decision) implements RequestEvent {
  }

  /** The stage escalated: its escalation approvers may decide too. */
  record StageEscalated(AssignmentRequest request, Stage stage) implements RequestEvent {
  }

  /** Every stage approved; a {@link DeliveryRequested} follows. */
  record Approved(AssignmentRequest request, Stage stage) implements RequestEvent {
  }

  /**
   * The request ended without delivery: an approver denied it, nobody could approve a stage, or separation of duties
   * refused it right before delivery.
   *
   * @param stage the stage concerned, if a stage was
   * @param decision the denial, if an approver denied
   */
  record Denied(AssignmentRequest request, Stage stage, Decision decision, String reason) implements RequestEvent {
  }

  /** Nobody decided a stage in time; the request is denied. */
  record TimedOut(AssignmentRequest request, Stage stage, String reason) implements RequestEvent {
  }
}
