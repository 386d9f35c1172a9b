package org.quartermaster.request.requests.domain;

import java.util.List;
import java.util.UUID;

/**
 * A request as a client submitted it, before validation. Adds name the package, policy and target; removals and
 * updates name the assignment.
 *
 * @param targetId null for a self request means the caller
 * @param assignmentPolicyId null when the package has a single policy
 */
public record Submission(RequestType type, UUID accessPackageId, UUID assignmentPolicyId, UUID targetId, UUID assignmentId,
    String justification, List<Answer> answers, RequestSchedule schedule) {

  public Submission {
    answers = answers == null ? List.of() : List.copyOf(answers);
    schedule = schedule == null ? RequestSchedule.NONE : schedule;
  }
}
