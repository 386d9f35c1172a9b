package org.quartermaster.provisioning.assignments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.quartermaster.provisioning.assignments.domain.AssignedRole;

/** Graph beta's accessPackageAssignmentResourceRole: one role an assignment grants and how its delivery went. */
public record BetaResourceRoleView(
    UUID id,
    String originId,
    String originSystem,
    String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) BetaSubjectView accessPackageSubject,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<BetaAssignmentView> accessPackageAssignments) {

  public static BetaResourceRoleView of(AssignedRole role) {
    return of(role, null, null);
  }

  public static BetaResourceRoleView of(AssignedRole role, BetaSubjectView subject, List<BetaAssignmentView> assignments) {
    return new BetaResourceRoleView(role.id(), role.role().roleOriginId(), role.role().resourceOriginSystem(),
        role.status().graphName(), subject, assignments);
  }
}
