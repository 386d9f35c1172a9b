package org.quartermaster.provisioning.assignments.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.platform.domain.Change;

/**
 * A request the request service canceled, and what that still means for provisioning.
 *
 * <p>The request service accepts a cancel until it has heard that delivery started, but it handed the request over
 * (DeliveryRequested) before that, on the same key, so provisioning always sees the cancel after the request and may
 * already have acted on it. An add withdraws the assignment it created, ending it as a removal does; a remove or an
 * update that was applied stands, because its revocations or new schedule may already be in effect and undoing them
 * would be a new request, not a cancel. Whatever the outcome, the cancel is remembered, so the request is never
 * delivered afterwards.
 */
public record Cancellation(UUID requestId, RequestType type) {

  /** What the cancel does. */
  public enum Outcome {
    /** Provisioning never applied the request: remembering the cancel is all there is to do. */
    NOTHING_APPLIED,
    /** The canceled add created an assignment that still wants its roles: it ends as a removal, revoking them. */
    WITHDRAW_ASSIGNMENT,
    /** The canceled add's assignment already ended or is ending: nothing is left to revoke. */
    ALREADY_ENDING,
    /** A remove or an update was applied before the cancel arrived; it is not undone. */
    APPLIED_CHANGE_STANDS
  }

  /**
   * @param appliedTo the assignment the request created (an add) or acted on (a remove or an update); null when the
   *     request never reached an assignment
   */
  public Outcome outcomeFor(Assignment appliedTo) {
    if (appliedTo == null) {
      return Outcome.NOTHING_APPLIED;
    }
    if (type.kind() != RequestType.Kind.ADD) {
      return Outcome.APPLIED_CHANGE_STANDS;
    }
    return appliedTo.isLive() ? Outcome.WITHDRAW_ASSIGNMENT : Outcome.ALREADY_ENDING;
  }

  /**
   * Ends the assignment the canceled add created, as a removal ends one: its roles are revoked (those in
   * {@code alreadyReleased} at once, the others once their systems confirm) and it finishes in state {@code expired}
   * with a Removed event naming the canceled request.
   */
  public Change<Assignment, AssignmentEvent> withdraw(Assignment created, Set<String> alreadyReleased, Instant now) {
    if (outcomeFor(created) != Outcome.WITHDRAW_ASSIGNMENT) {
      return Change.none(created);
    }
    return created.end(Ending.REMOVAL, requestId, alreadyReleased, now);
  }
}
