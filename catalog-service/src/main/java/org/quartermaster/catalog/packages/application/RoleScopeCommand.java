package org.quartermaster.catalog.packages.application;

import java.util.UUID;

/**
 * Which role, at which scope, to grant. Clients name a role by id or by originId (e.g. {@code Member_{groupId}}),
 * and its resource by id or by originId; a missing scope means the resource's root scope.
 */
public record RoleScopeCommand(Role role, Scope scope) {

  /** The role and, optionally, its resource. */
  public record Role(UUID id, String originId, UUID resourceId, String resourceOriginId, String resourceOriginSystem) {
  }

  /** The scope, or null for the root scope. */
  public record Scope(UUID id, String originId) {
  }
}
