package org.quartermaster.policy.policies.application;

import java.util.Map;
import java.util.UUID;
import org.quartermaster.policy.policies.domain.AccessPackageRef;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.quartermaster.policy.policies.domain.CustomExtensionRef;

/**
 * A policy with the navigations a client asked to expand; null when not asked for.
 *
 * @param customExtensions the known extensions its stage settings name, by id; a setting whose extension is not among
 *     them is shown by id only
 */
public record ExpandedPolicy(AssignmentPolicy policy, AccessPackageRef accessPackage,
    Map<UUID, CustomExtensionRef> customExtensions) {

  public static ExpandedPolicy of(AssignmentPolicy policy) {
    return new ExpandedPolicy(policy, null, null);
  }
}
