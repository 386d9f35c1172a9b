package org.quartermaster.policy.policies.domain;

import java.util.UUID;

/** What happened to a policy; every event is keyed by the policy it is about and carries it whole. */
public sealed interface PolicyEvent {

  UUID policyId();

  /** A policy was created. */
  record Created(AssignmentPolicy policy) implements PolicyEvent {
    public UUID policyId() {
      return policy.id();
    }
  }

  /** A policy was replaced; carries the whole new state. */
  record Updated(AssignmentPolicy policy) implements PolicyEvent {
    public UUID policyId() {
      return policy.id();
    }
  }

  /** A policy was deleted. */
  record Deleted(UUID policyId, UUID accessPackageId) implements PolicyEvent {
  }
}
