package org.quartermaster.provisioning.assignments.domain;

/** Why an assignment is ending: a remove request, or its expiration time. Both end in state {@code expired}. */
public enum Ending {
  REMOVAL,
  EXPIRY
}
