package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.UUID;
import org.quartermaster.request.common.domain.NotSupported;
import org.quartermaster.request.requests.domain.Answer;
import org.quartermaster.request.requests.domain.RequestType;
import org.quartermaster.request.requests.domain.Submission;

/**
 * POST of an assignment request in either version: v1.0's {@code assignment}, the {@code accessPackageAssignment} that
 * beta and some v1.0 pages use (the beta PowerShell cmdlet adds a {@code schedule} inside it), and flat ids.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record AssignmentRequestBody(
    String requestType,
    AssignmentReference assignment,
    AssignmentReference accessPackageAssignment,
    UUID accessPackageId,
    UUID assignmentPolicyId,
    UUID targetId,
    UUID accessPackageAssignmentId,
    IdReference accessPackage,
    String justification,
    List<AnswerBody> answers,
    ScheduleBody schedule,
    Boolean isValidationOnly) {

  boolean validationOnly() {
    return Boolean.TRUE.equals(isValidationOnly);
  }

  Submission toSubmission() {
    RequestType type = RequestType.parse(requestType, "requestType");
    AssignmentReference reference = assignment != null ? assignment : accessPackageAssignment;
    if (reference != null && reference.target() != null && reference.target().objectId() == null
        && reference.target().email() != null) {
      throw new NotSupported("target", "A target given by email (a user not yet in the directory) is not supported yet; "
          + "give the user's id as assignment.targetId.");
    }
    UUID packageId = first(reference == null ? null : reference.accessPackageId(),
        reference == null || reference.accessPackage() == null ? null : reference.accessPackage().id(),
        accessPackageId, accessPackage == null ? null : accessPackage.id());
    UUID policyId = first(reference == null ? null : reference.assignmentPolicyId(),
        reference == null || reference.assignmentPolicy() == null ? null : reference.assignmentPolicy().id(),
        reference == null || reference.accessPackageAssignmentPolicy() == null ? null
            : reference.accessPackageAssignmentPolicy().id(),
        assignmentPolicyId);
    UUID target = first(reference == null ? null : reference.targetId(),
        reference == null || reference.target() == null ? null : reference.target().objectId(), targetId);
    UUID assignmentId = type.kind() == RequestType.Kind.ADD ? null
        : first(reference == null ? null : reference.id(), accessPackageAssignmentId);
    List<Answer> given = answers == null ? List.of() : answers.stream().map(AnswerBody::toAnswer).toList();
    // The beta PowerShell cmdlet puts the schedule (a start of "now") inside accessPackageAssignment.
    ScheduleBody asked = schedule != null ? schedule : reference == null ? null : reference.schedule();
    return new Submission(type, packageId, policyId, target, assignmentId, justification, given,
        asked == null ? null : asked.toSchedule("schedule"));
  }

  @SafeVarargs
  private static <T> T first(T... candidates) {
    for (T candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }

  /** The assignment a request is about: ids for an add, its own id for a removal or update. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record AssignmentReference(
      UUID id,
      UUID targetId,
      UUID assignmentPolicyId,
      UUID accessPackageId,
      IdReference accessPackage,
      IdReference assignmentPolicy,
      IdReference accessPackageAssignmentPolicy,
      Subject target,
      ScheduleBody schedule) {
  }

  /** An accessPackageSubject named in a body: by objectId, or (not supported yet) by email. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Subject(UUID objectId, String email, String displayName) {
  }

  /** A navigation given by id, e.g. {@code "accessPackage": {"id": "…"}}. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  public record IdReference(UUID id) {
  }
}
