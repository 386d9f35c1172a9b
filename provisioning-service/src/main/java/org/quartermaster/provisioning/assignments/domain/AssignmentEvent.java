package org.quartermaster.provisioning.assignments.domain;

/** What happened to an assignment; each carries the assignment as it is after the change. */
public sealed interface AssignmentEvent {

  Assignment assignment();

  /** Created and delivery started (or, with no roles to grant, already complete). */
  record Created(Assignment assignment) implements AssignmentEvent {
  }

  /** One role is now held by the target in its system. */
  record RoleGranted(Assignment assignment, AssignedRole role) implements AssignmentEvent {
  }

  /** The assignment no longer grants one role; the target keeps it only through another grant or a membership Quartermaster did not make. */
  record RoleRevoked(Assignment assignment, AssignedRole role) implements AssignmentEvent {
  }

  /** Every role is held (state delivered), or a delivered assignment's schedule changed. */
  record Granted(Assignment assignment) implements AssignmentEvent {
  }

  /** A role could not be granted for good, or a request could not be applied; {@code reason} says which and why. */
  record DeliveryFailed(Assignment assignment, String reason) implements AssignmentEvent {
  }

  /** A remove request ended the assignment and every role it granted was revoked. */
  record Removed(Assignment assignment) implements AssignmentEvent {
  }

  /** The expiration time passed and every role the assignment granted was revoked. */
  record Expired(Assignment assignment) implements AssignmentEvent {
  }
}
