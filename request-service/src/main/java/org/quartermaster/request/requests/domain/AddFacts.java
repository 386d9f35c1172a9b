package org.quartermaster.request.requests.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.quartermaster.request.separation.domain.SeparationFacts;

/**
 * What the read models know that an add request is checked against.
 *
 * @param policy the policy the request names, if it names one
 * @param packagePolicies every policy of the package, for a request that names none
 * @param targetGroups the groups the target is a direct member of
 * @param openRequest an add for the same target, package and policy that is not finished yet
 * @param activeAssignment an assignment of the same target, package and policy that is delivered or being delivered
 * @param separation what the target holds, or belongs to, that the package may be incompatible with
 */
public record AddFacts(Optional<AccessPackageSummary> accessPackage, Optional<AssignmentPolicy> policy,
    List<AssignmentPolicy> packagePolicies, Optional<DirectoryUser> target, Set<UUID> targetGroups,
    Optional<AssignmentRequest> openRequest, Optional<Assignment> activeAssignment, SeparationFacts separation) {

  public AddFacts {
    packagePolicies = List.copyOf(packagePolicies);
    targetGroups = Set.copyOf(targetGroups);
    separation = separation == null ? SeparationFacts.none(null, null) : separation;
  }

  /** Facts for a package nothing is declared incompatible with. */
  public AddFacts(Optional<AccessPackageSummary> accessPackage, Optional<AssignmentPolicy> policy,
      List<AssignmentPolicy> packagePolicies, Optional<DirectoryUser> target, Set<UUID> targetGroups,
      Optional<AssignmentRequest> openRequest, Optional<Assignment> activeAssignment) {
    this(accessPackage, policy, packagePolicies, target, targetGroups, openRequest, activeAssignment, null);
  }
}
