package org.quartermaster.provisioning.assignments.domain;

import java.util.UUID;

/** One role of one assignment, seen on its own: Graph beta's accessPackageAssignmentResourceRole. */
public record HeldRole(UUID assignmentId, UUID targetId, AssignedRole role) {
}
