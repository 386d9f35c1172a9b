package org.quartermaster.policy.policies.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.policy.policies.application.ExpandedPolicy;
import org.quartermaster.policy.policies.domain.AccessPackageRef;
import org.quartermaster.policy.policies.domain.ApprovalSettings;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.RequestorSettings;

/**
 * An accessPackageAssignmentPolicy as Graph v1.0 returns it. Automatic assignment and access reviews are never set
 * (they are refused), so those properties are always null. Questions and stage settings are always inline.
 */
public record PolicyView(
    UUID id,
    String displayName,
    String description,
    String allowedTargetScope,
    List<Map<String, Object>> specificAllowedTargets,
    Map<String, Object> expiration,
    RequestorSettingsView requestorSettings,
    ApprovalView requestApprovalSettings,
    Object automaticRequestSettings,
    Object reviewSettings,
    Instant createdDateTime,
    Instant modifiedDateTime,
    List<Map<String, Object>> questions,
    List<Map<String, Object>> customExtensionStageSettings,
    @JsonInclude(JsonInclude.Include.NON_NULL) AccessPackageView accessPackage) {

  public static PolicyView of(ExpandedPolicy expanded) {
    AssignmentPolicy policy = expanded.policy();
    PolicyDefinition definition = policy.definition();
    RequestorSettings requestors = definition.requestorSettings();
    ApprovalSettings approval = definition.approval();
    return new PolicyView(policy.id(), definition.displayName(), definition.description(),
        definition.allowedTargetScope().graphName(), PolicyJson.subjects(definition.specificAllowedTargets()),
        PolicyJson.expiration(definition.expiration()),
        new RequestorSettingsView(requestors.enableTargetsToSelfAddAccess(), requestors.enableTargetsToSelfUpdateAccess(),
            requestors.enableTargetsToSelfRemoveAccess(), requestors.allowCustomAssignmentSchedule(),
            requestors.enableOnBehalfRequestorsToAddAccess(), requestors.enableOnBehalfRequestorsToUpdateAccess(),
            requestors.enableOnBehalfRequestorsToRemoveAccess(), PolicyJson.subjects(requestors.onBehalfRequestors())),
        new ApprovalView(approval.isApprovalRequiredForAdd(), approval.isApprovalRequiredForUpdate(),
            approval.isRequestorJustificationRequired(),
            approval.stages().stream().map(PolicyJson::approvalStage).toList()),
        null, null, policy.audit().createdDateTime(), policy.audit().modifiedDateTime(),
        PolicyJson.questions(definition.questions()), PolicyJson.stageSettings(definition.customExtensionStageSettings(),
            expanded.customExtensions()),
        expanded.accessPackage() == null ? null : AccessPackageView.of(expanded.accessPackage()));
  }

  /** v1.0 accessPackageAssignmentRequestorSettings. */
  public record RequestorSettingsView(boolean enableTargetsToSelfAddAccess, boolean enableTargetsToSelfUpdateAccess,
      boolean enableTargetsToSelfRemoveAccess, boolean allowCustomAssignmentSchedule,
      boolean enableOnBehalfRequestorsToAddAccess, boolean enableOnBehalfRequestorsToUpdateAccess,
      boolean enableOnBehalfRequestorsToRemoveAccess, List<Map<String, Object>> onBehalfRequestors) {
  }

  /** v1.0 accessPackageAssignmentApprovalSettings; durations in stages are ISO-8601 in one spelling (P1D, PT15M). */
  public record ApprovalView(boolean isApprovalRequiredForAdd, boolean isApprovalRequiredForUpdate,
      boolean isRequestorJustificationRequired, List<Map<String, Object>> stages) {
  }

  /** The expanded access package, from the catalog's events: the attributes they carry. */
  public record AccessPackageView(UUID id, String displayName, String description, boolean isHidden) {
    static AccessPackageView of(AccessPackageRef accessPackage) {
      return new AccessPackageView(accessPackage.id(), accessPackage.displayName(), accessPackage.description(),
          accessPackage.hidden());
    }
  }
}
