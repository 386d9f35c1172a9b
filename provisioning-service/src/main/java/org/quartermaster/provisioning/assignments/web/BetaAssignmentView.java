package org.quartermaster.provisioning.assignments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.provisioning.assignments.application.ExpandedAssignment;
import org.quartermaster.provisioning.assignments.domain.Assignment;

/** An accessPackageAssignment as Graph beta returns it: ids as properties, PascalCase state and status. */
public record BetaAssignmentView(
    UUID id,
    UUID catalogId,
    UUID accessPackageId,
    UUID assignmentPolicyId,
    UUID targetId,
    String assignmentStatus,
    String assignmentState,
    boolean isExtended,
    Instant expiredDateTime,
    ScheduleView schedule,
    @JsonInclude(JsonInclude.Include.NON_NULL) BetaSubjectView target,
    @JsonInclude(JsonInclude.Include.NON_NULL) PackageView accessPackage,
    @JsonInclude(JsonInclude.Include.NON_NULL) PolicyView accessPackageAssignmentPolicy,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<BetaResourceRoleView> accessPackageAssignmentResourceRoles) {

  public static BetaAssignmentView of(ExpandedAssignment expanded, boolean withRoles) {
    Assignment assignment = expanded.assignment();
    return new BetaAssignmentView(assignment.id(), assignment.catalogId(), assignment.accessPackageId(),
        assignment.assignmentPolicyId(), assignment.targetId(), assignment.status(), assignment.state().betaName(), false,
        assignment.expiredDateTime(), ScheduleView.of(assignment.schedule()),
        expanded.targetExpanded() ? BetaSubjectView.of(assignment.targetId(), expanded.target()) : null,
        expanded.packageExpanded() ? PackageView.of(assignment.accessPackageId(), expanded.accessPackage(), true) : null,
        expanded.policyExpanded() && assignment.assignmentPolicyId() != null
            ? PolicyView.of(assignment.assignmentPolicyId(), expanded.policy(), true) : null,
        withRoles ? assignment.roles().stream().map(BetaResourceRoleView::of).toList() : null);
  }
}
