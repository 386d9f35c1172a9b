package org.quartermaster.request.policies.domain;

import java.util.UUID;

/**
 * Who an approval clause names, a Graph subjectSet: a single user, a group's direct members, the requestor's manager at
 * some level, or a kind this service cannot resolve yet (sponsors, connected organizations), which resolves to nobody.
 *
 * @param type the subjectSet's @odata.type without namespace
 * @param managerLevel for requestorManager: 1 is the requestor's manager, 2 that manager's manager, …
 */
public record SubjectSet(String type, UUID userId, UUID groupId, Integer managerLevel, String description) {

  public static final String SINGLE_USER = "singleUser";
  public static final String GROUP_MEMBERS = "groupMembers";
  public static final String REQUESTOR_MANAGER = "requestorManager";

  public boolean isSingleUser() {
    return SINGLE_USER.equalsIgnoreCase(type) && userId != null;
  }

  public boolean isGroupMembers() {
    return GROUP_MEMBERS.equalsIgnoreCase(type) && groupId != null;
  }

  public boolean isRequestorManager() {
    return REQUESTOR_MANAGER.equalsIgnoreCase(type);
  }

  /** Graph's default level is the requestor's direct manager. */
  public int level() {
    return managerLevel == null || managerLevel < 1 ? 1 : managerLevel;
  }
}
