package org.quartermaster.directory.users.domain;

import java.util.Arrays;
import org.quartermaster.platform.domain.RuleViolation;

/** Graph's userType: a member of the organisation or a guest. */
public enum UserType {
  MEMBER("Member"), GUEST("Guest");

  private final String graphName;

  UserType(String graphName) {
    this.graphName = graphName;
  }

  public String graphName() {
    return graphName;
  }

  /** Graph compares these strings case-insensitively. */
  public static UserType parse(String value) {
    if (value == null) {
      return MEMBER;
    }
    return Arrays.stream(values())
        .filter(type -> type.graphName.equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new RuleViolation("userType", "Property 'userType' must be 'Member' or 'Guest', not '" + value + "'."));
  }
}
