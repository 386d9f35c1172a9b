package org.quartermaster.policy.policies.domain;

import java.util.Set;
import java.util.UUID;

/**
 * A user asking what they may request, as the directory's events describe them.
 *
 * @param inDirectory whether the directory has told this service about the user
 * @param memberUser whether the user is a Member (not a Guest)
 * @param groupIds the groups the user is a direct member of
 */
public record Requestor(UUID id, boolean inDirectory, boolean memberUser, Set<UUID> groupIds) {

  public Requestor {
    groupIds = Set.copyOf(groupIds);
  }
}
