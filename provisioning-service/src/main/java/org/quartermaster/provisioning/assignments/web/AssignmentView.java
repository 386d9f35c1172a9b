package org.quartermaster.provisioning.assignments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.provisioning.assignments.application.ExpandedAssignment;
import org.quartermaster.provisioning.assignments.domain.Assignment;

/** An accessPackageAssignment as Graph v1.0 returns it; navigations only when expanded. */
public record AssignmentView(
    UUID id,
    String state,
    String status,
    Instant expiredDateTime,
    ScheduleView schedule,
    List<Object> customExtensionCalloutInstances,
    @JsonInclude(JsonInclude.Include.NON_NULL) SubjectView target,
    @JsonInclude(JsonInclude.Include.NON_NULL) PackageView accessPackage,
    @JsonInclude(JsonInclude.Include.NON_NULL) PolicyView assignmentPolicy) {

  public static AssignmentView of(ExpandedAssignment expanded) {
    Assignment assignment = expanded.assignment();
    return new AssignmentView(assignment.id(), assignment.state().graphName(), assignment.status(),
        assignment.expiredDateTime(), ScheduleView.of(assignment.schedule()), List.of(),
        expanded.targetExpanded() ? SubjectView.of(assignment.targetId(), expanded.target()) : null,
        expanded.packageExpanded() ? PackageView.of(assignment.accessPackageId(), expanded.accessPackage(), false) : null,
        expanded.policyExpanded() && assignment.assignmentPolicyId() != null
            ? PolicyView.of(assignment.assignmentPolicyId(), expanded.policy(), false) : null);
  }
}
