package org.quartermaster.request.directory.domain;

import java.util.UUID;

/**
 * A directory user as far as requests care: whether a policy's scope admits them, and how a response names them.
 *
 * @param userType Graph's Member or Guest
 * @param managerId the user's manager, whom requestorManager approval stages ask; null when none
 */
public record DirectoryUser(UUID id, String displayName, String userPrincipalName, String mail, String userType,
    boolean accountEnabled, UUID managerId) {

  public DirectoryUser(UUID id, String displayName, String userPrincipalName, String mail, String userType,
      boolean accountEnabled) {
    this(id, displayName, userPrincipalName, mail, userType, accountEnabled, null);
  }

  public boolean isMember() {
    return "Member".equalsIgnoreCase(userType);
  }
}
