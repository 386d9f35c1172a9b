package org.quartermaster.catalog.packages.domain;

import java.util.UUID;
import org.quartermaster.platform.domain.RuleViolation;

/** Graph's id of a resource role scope: {@code {roleId}_{scopeId}}. */
public record RoleScopeId(UUID roleId, UUID scopeId) {

  public static RoleScopeId parse(String id) {
    int separator = id == null ? -1 : id.indexOf('_');
    if (separator < 0) {
      throw new RuleViolation("id", "'" + id + "' is not a resource role scope id; expected {roleId}_{scopeId}.");
    }
    try {
      return new RoleScopeId(UUID.fromString(id.substring(0, separator)), UUID.fromString(id.substring(separator + 1)));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("id", "'" + id + "' is not a resource role scope id; expected {roleId}_{scopeId} of two GUIDs.");
    }
  }

  @Override
  public String toString() {
    return roleId + "_" + scopeId;
  }
}
