package org.quartermaster.request.requests.domain;

import java.util.List;
import java.util.UUID;

/** A submission that passed every rule, with what the rules resolved: the policy, the target and the effective schedule. */
public record ValidSubmission(RequestType type, UUID accessPackageId, UUID catalogId, UUID assignmentPolicyId, UUID targetId,
    UUID assignmentId, String justification, List<Answer> answers, RequestSchedule schedule) {

  public ValidSubmission {
    answers = List.copyOf(answers);
  }
}
