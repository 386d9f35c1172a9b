package org.quartermaster.request.approvals.domain;

import java.util.List;

/**
 * What one step of an approval produced: the approval afterwards, what happened to its stages, and what it means for
 * the request.
 *
 * @param stage the stage the verdict concerns (the denying, timed-out or last approved stage); null while pending
 * @param decision the decision that denied, if an approver denied
 * @param reason why the request is denied or timed out; null otherwise
 */
public record Outcome(Approval approval, List<StageEvent> events, Verdict verdict, Stage stage, Decision decision,
    String reason) {

  /** The request's fate after this step. */
  public enum Verdict {
    /** A stage still waits for decisions. */
    PENDING,
    /** Every stage approved: the request may go on to delivery. */
    APPROVED,
    /** An approver denied, or nobody could approve a stage. */
    DENIED,
    /** Nobody decided a stage in time. */
    TIMED_OUT
  }

  public Outcome {
    events = List.copyOf(events);
  }

  static Outcome none(Approval approval) {
    return new Outcome(approval, List.of(), Verdict.PENDING, null, null, null);
  }

  public boolean changed() {
    return !events.isEmpty() || verdict != Verdict.PENDING;
  }
}
