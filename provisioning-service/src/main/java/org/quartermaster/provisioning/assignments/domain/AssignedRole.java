package org.quartermaster.provisioning.assignments.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A resource role one assignment grants, and how its delivery went.
 *
 * @param id Graph beta's accessPackageAssignmentResourceRole id; derived from the assignment and role scope
 * @param failure why the role could not be granted, when {@code status} is Failed
 */
public record AssignedRole(UUID id, RoleDefinition role, RoleStatus status, String failure) {

  public static AssignedRole pending(UUID assignmentId, RoleDefinition role) {
    UUID id = UUID.nameUUIDFromBytes(("assignment-role:" + assignmentId + ":" + role.roleScopeId()).getBytes(StandardCharsets.UTF_8));
    return new AssignedRole(id, role, RoleStatus.PENDING_FULFILLMENT, null);
  }

  public String roleScopeId() {
    return role.roleScopeId();
  }

  AssignedRole with(RoleStatus newStatus, String newFailure) {
    return new AssignedRole(id, role, newStatus, newFailure);
  }
}
