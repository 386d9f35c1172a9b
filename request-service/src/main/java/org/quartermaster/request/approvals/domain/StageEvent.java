package org.quartermaster.request.approvals.domain;

/** What happened to a stage; the request turns each into its own event. */
public sealed interface StageEvent {

  Stage stage();

  /** The stage began; its approvers may decide. */
  record Started(Stage stage) implements StageEvent {
  }

  /** An approver approved; the stage completed when its quorum was reached. */
  record Approved(Stage stage, Decision decision) implements StageEvent {
  }

  /** An approver denied, which ends the request. */
  record Denied(Stage stage, Decision decision) implements StageEvent {
  }

  /** The stage waited long enough: its escalation approvers may decide too. */
  record Escalated(Stage stage) implements StageEvent {
  }
}
