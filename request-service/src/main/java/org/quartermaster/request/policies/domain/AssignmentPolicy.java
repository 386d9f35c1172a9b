package org.quartermaster.request.policies.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.request.common.domain.Expiration;

/**
 * What request validation needs to know of an assignment policy, as the policy service last described it.
 *
 * @param allowedTargetScope v1.0 camelCase, kept as text so a scope added later is reported rather than unreadable
 * @param approvalStages the serial stages of requestApprovalSettings, any number (Graph allows three)
 * @param customExtensionStageSettings the custom workflow extensions the policy binds to request stages
 */
public record AssignmentPolicy(
    UUID id,
    UUID accessPackageId,
    UUID catalogId,
    String displayName,
    String allowedTargetScope,
    List<AllowedTarget> specificAllowedTargets,
    RequestorRules requestorSettings,
    Expiration expiration,
    boolean approvalRequiredForAdd,
    boolean approvalRequiredForUpdate,
    boolean justificationRequired,
    List<Question> questions,
    List<ApprovalStage> approvalStages,
    List<CustomExtensionStageSetting> customExtensionStageSettings) {

  public AssignmentPolicy {
    specificAllowedTargets = List.copyOf(specificAllowedTargets);
    questions = List.copyOf(questions);
    approvalStages = approvalStages == null ? List.of() : List.copyOf(approvalStages);
    // Documents stored before issue 6 have no bindings.
    customExtensionStageSettings = customExtensionStageSettings == null ? List.of()
        : List.copyOf(customExtensionStageSettings);
  }

  /** A policy that binds no custom extension. */
  public AssignmentPolicy(UUID id, UUID accessPackageId, UUID catalogId, String displayName, String allowedTargetScope,
      List<AllowedTarget> specificAllowedTargets, RequestorRules requestorSettings, Expiration expiration,
      boolean approvalRequiredForAdd, boolean approvalRequiredForUpdate, boolean justificationRequired,
      List<Question> questions, List<ApprovalStage> approvalStages) {
    this(id, accessPackageId, catalogId, displayName, allowedTargetScope, specificAllowedTargets, requestorSettings,
        expiration, approvalRequiredForAdd, approvalRequiredForUpdate, justificationRequired, questions, approvalStages,
        List.of());
  }

  /** A policy without approval stages, as before approvals existed. */
  public AssignmentPolicy(UUID id, UUID accessPackageId, UUID catalogId, String displayName, String allowedTargetScope,
      List<AllowedTarget> specificAllowedTargets, RequestorRules requestorSettings, Expiration expiration,
      boolean approvalRequiredForAdd, boolean approvalRequiredForUpdate, boolean justificationRequired,
      List<Question> questions) {
    this(id, accessPackageId, catalogId, displayName, allowedTargetScope, specificAllowedTargets, requestorSettings,
        expiration, approvalRequiredForAdd, approvalRequiredForUpdate, justificationRequired, questions, List.of(),
        List.of());
  }

  /** How refusals name the policy: the clause a client must fix is in this policy. */
  public String describe() {
    return "Assignment policy '" + displayName + "'";
  }

  /** The extensions bound at the stage, in the policy's order, each once. */
  public List<UUID> extensionsAt(String stage) {
    return customExtensionStageSettings.stream().filter(setting -> setting.stage().equalsIgnoreCase(stage))
        .map(CustomExtensionStageSetting::customExtensionId).distinct().toList();
  }

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(question -> question.id().equalsIgnoreCase(questionId)).findFirst();
  }
}
