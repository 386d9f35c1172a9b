package org.quartermaster.policy.policies.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.quartermaster.policy.policies.domain.BetaPolicy;
import org.quartermaster.policy.policies.domain.PolicyDefinition;

/**
 * v1.0 accessPackageAssignmentRequestRequirements: what a request under one policy must carry. The schedule says how
 * the assignment would end; it starts when the request is delivered, so startDateTime is null.
 */
public record RequirementsView(
    String policyId,
    String policyDisplayName,
    String policyDescription,
    boolean isApprovalRequiredForAdd,
    boolean isApprovalRequiredForUpdate,
    boolean isRequestorJustificationRequired,
    boolean allowCustomAssignmentSchedule,
    List<Map<String, Object>> questions,
    Map<String, Object> schedule) {

  public static RequirementsView of(AssignmentPolicy policy) {
    PolicyDefinition definition = policy.definition();
    return new RequirementsView(policy.id().toString(), definition.displayName(), definition.description(),
        definition.approval().isApprovalRequiredForAdd(), definition.approval().isApprovalRequiredForUpdate(),
        definition.approval().isRequestorJustificationRequired(),
        definition.requestorSettings().allowCustomAssignmentSchedule(), PolicyJson.questions(definition.questions()),
        schedule(definition));
  }

  static Map<String, Object> schedule(PolicyDefinition definition) {
    Map<String, Object> schedule = new LinkedHashMap<>();
    schedule.put("startDateTime", null);
    schedule.put("expiration", PolicyJson.expiration(definition.expiration()));
    schedule.put("recurrence", null);
    return schedule;
  }

  /** Beta accessPackageAssignmentRequestRequirements: beta's names for the approval switches and the questions. */
  public record Beta(
      String policyId,
      String policyDisplayName,
      String policyDescription,
      boolean isApprovalRequired,
      boolean isApprovalRequiredForExtension,
      boolean isRequestorJustificationRequired,
      boolean isCustomAssignmentScheduleAllowed,
      List<Map<String, Object>> questions,
      Map<String, Object> schedule) {

    public static Beta of(AssignmentPolicy policy) {
      PolicyDefinition definition = policy.definition();
      BetaPolicy beta = BetaPolicy.of(definition);
      return new Beta(policy.id().toString(), definition.displayName(), definition.description(),
          beta.requestApprovalSettings().isApprovalRequired(), beta.requestApprovalSettings().isApprovalRequiredForExtension(),
          definition.approval().isRequestorJustificationRequired(),
          definition.requestorSettings().allowCustomAssignmentSchedule(), PolicyJson.betaQuestions(definition.questions()),
          RequirementsView.schedule(definition));
    }
  }
}
