package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.common.web.GraphNames;
import org.quartermaster.request.directory.domain.DirectoryUser;

/** An expanded accessPackageAssignment as beta shows it: the ids flat, state and status PascalCase. */
public record BetaAssignmentView(
    String id,
    String accessPackageId,
    String assignmentPolicyId,
    String catalogId,
    String targetId,
    String assignmentState,
    String assignmentStatus,
    boolean isExtended,
    Instant expiredDateTime,
    ScheduleView schedule,
    @JsonInclude(JsonInclude.Include.NON_NULL) SubjectView target) {

  static BetaAssignmentView of(Assignment assignment, DirectoryUser target) {
    if (assignment == null) {
      return null;
    }
    return new BetaAssignmentView(assignment.id().toString(), text(assignment.accessPackageId()),
        text(assignment.assignmentPolicyId()), text(assignment.catalogId()), text(assignment.targetId()),
        GraphNames.pascal(assignment.state()), assignment.status(), false, AssignmentView.expired(assignment),
        ScheduleView.of(assignment.startDateTime(), assignment.expirationDateTime()), SubjectView.of(target, true));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
