package org.quartermaster.request.requests.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.policies.domain.AssignmentPolicy;

/**
 * What the read models know that a removal or an update is checked against.
 *
 * @param policy the policy the assignment was made under
 * @param openChange a removal or update of the same assignment that is not finished yet
 */
public record ChangeFacts(Optional<Assignment> assignment, Optional<AssignmentPolicy> policy, Optional<DirectoryUser> target,
    Set<UUID> targetGroups, Optional<AssignmentRequest> openChange) {

  public ChangeFacts {
    targetGroups = Set.copyOf(targetGroups);
  }
}
