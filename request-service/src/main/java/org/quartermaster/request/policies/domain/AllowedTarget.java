package org.quartermaster.request.policies.domain;

import java.util.UUID;

/**
 * One entry of a policy's specificAllowedTargets, a Graph subjectSet.
 *
 * @param type the subjectSet's @odata.type without namespace: singleUser, groupMembers, requestorManager, …
 */
public record AllowedTarget(String type, UUID userId, UUID groupId, String description) {

  public static final String SINGLE_USER = "singleUser";
  public static final String GROUP_MEMBERS = "groupMembers";

  public boolean isSingleUser() {
    return SINGLE_USER.equalsIgnoreCase(type) && userId != null;
  }

  public boolean isGroupMembers() {
    return GROUP_MEMBERS.equalsIgnoreCase(type) && groupId != null;
  }

  /** How a refusal lists it, e.g. {@code user '6c42…' (Requestor1)}. */
  public String describe() {
    String named = description == null || description.isBlank() ? "" : " (" + description + ")";
    if (isSingleUser()) {
      return "user '" + userId + "'" + named;
    }
    if (isGroupMembers()) {
      return "members of group '" + groupId + "'" + named;
    }
    return type + named;
  }
}
