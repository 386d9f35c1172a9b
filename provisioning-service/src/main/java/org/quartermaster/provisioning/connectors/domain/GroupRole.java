package org.quartermaster.provisioning.connectors.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * A directory group's resource role: Graph names them {@code Member_{groupId}} and {@code Owner_{groupId}}.
 *
 * @param owner ownership rather than membership
 */
public record GroupRole(UUID groupId, boolean owner) {

  public static final String ORIGIN_SYSTEM = "AadGroup";

  public static Optional<GroupRole> parse(String roleOriginId) {
    if (roleOriginId == null) {
      return Optional.empty();
    }
    int underscore = roleOriginId.indexOf('_');
    if (underscore < 0) {
      return Optional.empty();
    }
    String kind = roleOriginId.substring(0, underscore);
    if (!kind.equalsIgnoreCase("Member") && !kind.equalsIgnoreCase("Owner")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new GroupRole(UUID.fromString(roleOriginId.substring(underscore + 1)), kind.equalsIgnoreCase("Owner")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The Graph navigation this role is: {@code members} or {@code owners}. */
  public String navigation() {
    return owner ? "owners" : "members";
  }
}
