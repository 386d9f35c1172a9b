package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.directory.domain.DirectoryUser;

/** An expanded accessPackageAssignment as v1.0 shows it; the target only when expanded too. */
public record AssignmentView(
    String id,
    String state,
    String status,
    Instant expiredDateTime,
    ScheduleView schedule,
    @JsonInclude(JsonInclude.Include.NON_NULL) SubjectView target) {

  static AssignmentView of(Assignment assignment, DirectoryUser target) {
    if (assignment == null) {
      return null;
    }
    return new AssignmentView(assignment.id().toString(), assignment.state(), assignment.status(), expired(assignment),
        ScheduleView.of(assignment.startDateTime(), assignment.expirationDateTime()), SubjectView.of(target, false));
  }

  static Instant expired(Assignment assignment) {
    return assignment.ended() ? assignment.expirationDateTime() : null;
  }
}
