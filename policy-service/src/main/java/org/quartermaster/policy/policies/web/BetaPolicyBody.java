package org.quartermaster.policy.policies.web;

import static org.quartermaster.policy.policies.web.PolicyBody.indexed;
import static org.quartermaster.policy.policies.web.PolicyBody.on;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.policy.common.web.IdReference;
import org.quartermaster.policy.policies.application.NewPolicy;
import org.quartermaster.policy.policies.application.PolicyReplacement;
import org.quartermaster.policy.policies.domain.AnswerChoice;
import org.quartermaster.policy.policies.domain.BetaPolicy;
import org.quartermaster.policy.policies.domain.LocalizedText;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.Question;
import org.quartermaster.policy.policies.domain.QuestionType;

/**
 * POST and PUT of a beta accessPackageAssignmentPolicy, as seed 001 step 1.7 and the PowerShell cmdlet of seed 000
 * send it. The read-only properties a GET returned are accepted and ignored.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record BetaPolicyBody(
    String id,
    UUID accessPackageId,
    IdReference accessPackage,
    String displayName,
    String description,
    Boolean canExtend,
    Integer durationInDays,
    Instant expirationDateTime,
    BetaRequestors requestorSettings,
    BetaApproval requestApprovalSettings,
    Object accessReviewSettings,
    Object verifiableCredentialSettings,
    List<BetaQuestion> questions,
    List<PolicyBody.StageSetting> customExtensionStageSettings,
    Object customExtensionHandlers,
    Object accessPackageCatalog,
    String createdBy,
    Instant createdDateTime,
    String modifiedBy,
    Instant modifiedDateTime) {

  NewPolicy toNewPolicy() {
    return new NewPolicy(accessPackageIdOrNull(), null, toDefinition());
  }

  PolicyReplacement toReplacement() {
    return new PolicyReplacement(id, accessPackageIdOrNull(), toDefinition());
  }

  private UUID accessPackageIdOrNull() {
    return accessPackageId != null ? accessPackageId : accessPackage == null ? null : accessPackage.id();
  }

  PolicyDefinition toDefinition() {
    Unsupported.reviews(accessReviewSettings, "accessReviewSettings");
    Unsupported.absent(verifiableCredentialSettings, "verifiableCredentialSettings", "verified ID requirements");
    Unsupported.absent(customExtensionHandlers, "customExtensionHandlers",
        "the older custom extension binding; use customExtensionStageSettings");
    return toBetaPolicy().toDefinition();
  }

  BetaPolicy toBetaPolicy() {
    return new BetaPolicy(displayName, description, canExtend, durationInDays, expirationDateTime,
        requestorSettings == null ? null : requestorSettings.toSettings(),
        requestApprovalSettings == null ? null : requestApprovalSettings.toSettings(),
        indexed(questions, BetaQuestion::toQuestion),
        indexed(customExtensionStageSettings, (setting, i) -> setting.toSetting("customExtensionStageSettings[" + i + "]")));
  }

  /** Beta requestorSettings. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BetaRequestors(String scopeType, Boolean acceptRequests, List<BetaUserSet> allowedRequestors) {

    BetaPolicy.BetaRequestorSettings toSettings() {
      return new BetaPolicy.BetaRequestorSettings(scopeType, acceptRequests,
          indexed(allowedRequestors, (set, i) -> new BetaPolicy.BetaUserSet(set.odataType(), set.id(), set.description(),
              set.isBackup(), set.managerLevel())));
    }
  }

  /** A beta userSet: singleUser, groupMembers or requestorManager, the first two naming their object by id. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BetaUserSet(@JsonProperty("@odata.type") String odataType, String id, String description, Boolean isBackup,
      Integer managerLevel) {
  }

  /**
   * Beta approvalSettings. {@code approvalStages} is read loosely: seed 000's PowerShell hashtable gives it as the
   * string {@code '[]'}, which stands for no stages.
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BetaApproval(Boolean isApprovalRequired, Boolean isApprovalRequiredForExtension,
      Boolean isRequestorJustificationRequired, String approvalMode, Object approvalStages) {

    BetaPolicy.BetaApprovalSettings toSettings() {
      return new BetaPolicy.BetaApprovalSettings(isApprovalRequired, isApprovalRequiredForExtension,
          isRequestorJustificationRequired, approvalMode, stageCount());
    }

    private int stageCount() {
      if (approvalStages == null) {
        return 0;
      }
      if (approvalStages instanceof List<?> stages) {
        return stages.size();
      }
      String text = String.valueOf(approvalStages).replaceAll("\\s", "");
      return text.isEmpty() || text.equals("[]") ? 0 : 1;
    }
  }

  /** A beta question: its text is localized content, and a multiple-choice one "allowsMultipleSelection". */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BetaQuestion(@JsonProperty("@odata.type") String odataType, String id, Integer sequence, Boolean isRequired,
      Boolean isAnswerEditable, Content text, Boolean isSingleLineQuestion, String regexPattern,
      Boolean allowsMultipleSelection, List<BetaChoice> choices) {

    Question toQuestion(int index) {
      String clause = "questions[" + index + "]";
      return new Question(id, QuestionType.parse(odataType, clause), sequence == null ? index : sequence, on(isRequired),
          on(isAnswerEditable), text == null ? null : text.defaultText(), text == null ? List.of() : text.localized(),
          on(isSingleLineQuestion), regexPattern,
          indexed(choices, (choice, i) -> new AnswerChoice(choice.actualValue(),
              choice.displayValue() == null ? null : choice.displayValue().defaultText(),
              choice.displayValue() == null ? List.of() : choice.displayValue().localized())),
          on(allowsMultipleSelection));
    }
  }

  /** Beta accessPackageAnswerChoice. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BetaChoice(String actualValue, Content displayValue) {
  }

  /** Beta accessPackageLocalizedContent. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Content(String defaultText, List<PolicyBody.Localized> localizedTexts) {

    List<LocalizedText> localized() {
      return PolicyBody.Localized.all(localizedTexts);
    }
  }
}
