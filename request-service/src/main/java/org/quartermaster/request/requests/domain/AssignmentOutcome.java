package org.quartermaster.request.requests.domain;

/** What provisioning reported about the assignment a request acts on. */
public enum AssignmentOutcome {
  /** The assignment exists and its roles are being granted. */
  CREATED,
  /** Every role of the assignment was granted (an add or an update is done). */
  GRANTED,
  /** Every role was revoked and the assignment is gone (a removal is done). */
  REMOVED,
  /** No role could be granted. */
  FAILED,
  /** Some roles were granted, others failed for good. */
  PARTIALLY_FAILED
}
