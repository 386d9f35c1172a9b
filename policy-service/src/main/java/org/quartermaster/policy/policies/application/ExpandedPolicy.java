package org.quartermaster.policy.policies.application;

import org.quartermaster.policy.policies.domain.AccessPackageRef;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;

/** A policy with the navigations a client asked to expand; null when not asked for. */
public record ExpandedPolicy(AssignmentPolicy policy, AccessPackageRef accessPackage) {

  public static ExpandedPolicy of(AssignmentPolicy policy) {
    return new ExpandedPolicy(policy, null);
  }
}
