package org.quartermaster.policy.policies.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.policy.common.domain.Audit;
import org.quartermaster.policy.policies.application.ExpandedPolicy;
import org.quartermaster.policy.policies.domain.AccessPackageRef;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.quartermaster.policy.policies.domain.BetaPolicy;

/** An accessPackageAssignmentPolicy as Graph beta returns it (seed 001 step 1.7's response). */
public record BetaPolicyView(
    UUID id,
    UUID accessPackageId,
    String displayName,
    String description,
    boolean canExtend,
    int durationInDays,
    Instant expirationDateTime,
    String createdBy,
    Instant createdDateTime,
    String modifiedBy,
    Instant modifiedDateTime,
    Object accessReviewSettings,
    BetaRequestorSettingsView requestorSettings,
    BetaApprovalView requestApprovalSettings,
    List<Map<String, Object>> questions,
    List<Map<String, Object>> customExtensionStageSettings,
    @JsonInclude(JsonInclude.Include.NON_NULL) BetaAccessPackageView accessPackage) {

  public static BetaPolicyView of(ExpandedPolicy expanded) {
    AssignmentPolicy policy = expanded.policy();
    BetaPolicy beta = BetaPolicy.of(policy.definition());
    BetaPolicy.BetaRequestorSettings requestors = beta.requestorSettings();
    BetaPolicy.BetaApprovalSettings approval = beta.requestApprovalSettings();
    Audit audit = policy.audit();
    return new BetaPolicyView(policy.id(), policy.accessPackageId(), beta.displayName(), beta.description(),
        beta.canExtend(), beta.durationInDays(), beta.expirationDateTime(), audit.createdBy(), audit.createdDateTime(),
        audit.modifiedBy(), audit.modifiedDateTime(), null,
        new BetaRequestorSettingsView(requestors.scopeType(), requestors.acceptRequests(),
            requestors.allowedRequestors().stream().map(PolicyJson::betaUserSet).toList()),
        new BetaApprovalView(approval.isApprovalRequired(), approval.isApprovalRequiredForExtension(),
            approval.isRequestorJustificationRequired(), approval.approvalMode(),
            approval.approvalStages().stream().map(PolicyJson::betaApprovalStage).toList()),
        PolicyJson.betaQuestions(beta.questions()), PolicyJson.stageSettings(beta.customExtensionStageSettings(),
            expanded.customExtensions()),
        expanded.accessPackage() == null ? null : BetaAccessPackageView.of(expanded.accessPackage()));
  }

  /** Beta requestorSettings. */
  public record BetaRequestorSettingsView(String scopeType, boolean acceptRequests,
      List<Map<String, Object>> allowedRequestors) {
  }

  /** Beta approvalSettings. */
  public record BetaApprovalView(boolean isApprovalRequired, boolean isApprovalRequiredForExtension,
      boolean isRequestorJustificationRequired, String approvalMode, List<Map<String, Object>> approvalStages) {
  }

  /** The expanded access package in beta's shape. */
  public record BetaAccessPackageView(UUID id, UUID catalogId, String displayName, String description, boolean isHidden) {
    static BetaAccessPackageView of(AccessPackageRef accessPackage) {
      return new BetaAccessPackageView(accessPackage.id(), accessPackage.catalogId(), accessPackage.displayName(),
          accessPackage.description(), accessPackage.hidden());
    }
  }
}
