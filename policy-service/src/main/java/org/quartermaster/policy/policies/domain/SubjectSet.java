package org.quartermaster.policy.policies.domain;

import java.util.UUID;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * A set of people a policy names: one user, the members of a group, or the requestor's manager.
 *
 * @param managerLevel for requestorManager only: 1 is the direct manager
 */
public record SubjectSet(SubjectType type, UUID userId, UUID groupId, Integer managerLevel, String description) {

  public static SubjectSet singleUser(UUID userId, String description) {
    return new SubjectSet(SubjectType.SINGLE_USER, userId, null, null, description);
  }

  public static SubjectSet groupMembers(UUID groupId, String description) {
    return new SubjectSet(SubjectType.GROUP_MEMBERS, null, groupId, null, description);
  }

  public static SubjectSet requestorManager(int managerLevel) {
    return new SubjectSet(SubjectType.REQUESTOR_MANAGER, null, null, managerLevel, null);
  }

  /**
   * A v1.0 subjectSet: singleUser {userId}, groupMembers {groupId} or requestorManager {managerLevel}.
   *
   * @param clause where it sits in the request, e.g. {@code specificAllowedTargets[0]}
   */
  public static SubjectSet parse(String odataType, String userId, String groupId, Integer managerLevel, String description,
      String clause) {
    SubjectType type = SubjectType.parse(odataType, clause);
    return of(type, type == SubjectType.SINGLE_USER ? userId : groupId, "userId", "groupId", managerLevel, description, clause);
  }

  /** A beta userSet, which names its user or group by {@code id} whatever its type. */
  public static SubjectSet parseBeta(String odataType, String id, Integer managerLevel, String description, String clause) {
    return of(SubjectType.parse(odataType, clause), id, "id", "id", managerLevel, description, clause);
  }

  private static SubjectSet of(SubjectType type, String id, String userIdName, String groupIdName, Integer managerLevel,
      String description, String clause) {
    if (type == SubjectType.SINGLE_USER) {
      return singleUser(guid(id, clause + "." + userIdName, "user"), description);
    }
    if (type == SubjectType.GROUP_MEMBERS) {
      return groupMembers(guid(id, clause + "." + groupIdName, "group"), description);
    }
    int level = managerLevel == null ? 1 : managerLevel;
    if (level < 1) {
      throw new RuleViolation(clause + ".managerLevel", "Property '" + clause + ".managerLevel' must be 1 or more, not "
          + level + ".");
    }
    return requestorManager(level);
  }

  private static UUID guid(String value, String property, String kind) {
    if (value == null || value.isBlank()) {
      throw new RuleViolation(property, "Property '" + property + "' is required: the object id of the " + kind + ".");
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(property, "Property '" + property + "' must be the object id (a GUID) of a " + kind
          + ", not '" + value + "'.");
    }
  }
}
