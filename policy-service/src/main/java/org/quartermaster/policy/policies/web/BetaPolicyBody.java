package org.quartermaster.policy.policies.web;

import static org.quartermaster.policy.policies.web.PolicyBody.indexed;
import static org.quartermaster.policy.policies.web.PolicyBody.on;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.policy.common.web.IdReference;
import org.quartermaster.policy.policies.application.NewPolicy;
import org.quartermaster.policy.policies.application.PolicyReplacement;
import org.quartermaster.policy.policies.domain.AnswerChoice;
import org.quartermaster.policy.policies.domain.ApprovalSettings;
import org.quartermaster.policy.policies.domain.BetaPolicy;
import org.quartermaster.policy.policies.domain.LocalizedText;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.Question;
import org.quartermaster.policy.policies.domain.QuestionType;
import org.quartermaster.policy.policies.domain.SubjectSet;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

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

  /** Beta approvalSettings. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BetaApproval(Boolean isApprovalRequired, Boolean isApprovalRequiredForExtension,
      Boolean isRequestorJustificationRequired, String approvalMode, BetaStageList approvalStages) {

    BetaPolicy.BetaApprovalSettings toSettings() {
      return new BetaPolicy.BetaApprovalSettings(isApprovalRequired, isApprovalRequiredForExtension,
          isRequestorJustificationRequired, approvalMode,
          approvalStages == null ? List.of() : approvalStages.toStages(ApprovalSettings.Spelling.BETA.stages()));
    }
  }

  /**
   * A list of beta approvalStages. It is read loosely: seed 000's PowerShell hashtable gives it as the string
   * {@code '[]'}, which stands for no stages; any other text is refused by name.
   */
  @JsonDeserialize(using = BetaStageList.Reader.class)
  public record BetaStageList(List<BetaStage> stages, String text) {

    /** @param property where the list sits, e.g. {@code requestApprovalSettings.approvalStages} */
    List<BetaPolicy.BetaApprovalStage> toStages(String property) {
      if (text != null) {
        String compact = text.replaceAll("\\s", "");
        if (compact.isEmpty() || compact.equals("[]") || compact.equals("@()")) {
          return List.of();
        }
        throw new RuleViolation(property, "Property '" + property + "' must be a list of approval stages, not the text '"
            + text + "'.");
      }
      return indexed(stages, (stage, i) -> stage.toStage(property + "[" + i + "]"));
    }

    /** A JSON array of stages, or a string. */
    static final class Reader extends ValueDeserializer<BetaStageList> {

      @Override
      public BetaStageList deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
          return new BetaStageList(null, parser.getString());
        }
        JavaType list = context.getTypeFactory().constructCollectionType(List.class, BetaStage.class);
        return new BetaStageList(context.readValue(parser, list), null);
      }
    }
  }

  /**
   * A beta approvalStage, with the Quartermaster extensions durationBeforeAutomaticDenial and durationBeforeEscalation
   * (ISO-8601) and approvalsRequired.
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BetaStage(Integer approvalStageTimeOutInDays, String durationBeforeAutomaticDenial,
      Boolean isApproverJustificationRequired, Boolean isEscalationEnabled, Integer escalationTimeInMinutes,
      String durationBeforeEscalation, List<BetaApprover> primaryApprovers, List<BetaApprover> escalationApprovers,
      Integer approvalsRequired) {

    BetaPolicy.BetaApprovalStage toStage(String clause) {
      return new BetaPolicy.BetaApprovalStage(approvalStageTimeOutInDays, durationBeforeAutomaticDenial,
          isApproverJustificationRequired, isEscalationEnabled, escalationTimeInMinutes, durationBeforeEscalation,
          indexed(primaryApprovers, (set, i) -> set.toUserSet(clause + ".primaryApprovers[" + i + "]")),
          indexed(escalationApprovers, (set, i) -> set.toUserSet(clause + ".escalationApprovers[" + i + "]")),
          approvalsRequired);
    }
  }

  /**
   * An approver in a beta stage: a userSet naming its user or group by {@code id}. The v1.0 PowerShell cmdlet sends
   * the same stages with v1.0's {@code userId}/{@code groupId}, so those are read too, and refused under their own
   * names. The properties of kinds not supported yet are read so they can be refused by name.
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BetaApprover(@JsonProperty("@odata.type") String odataType, String id, String userId, String groupId,
      String description, Boolean isBackup, Integer managerLevel, String connectedOrganizationId, String membershipRule) {

    BetaPolicy.BetaUserSet toUserSet(String clause) {
      if (userId == null && groupId == null) {
        return new BetaPolicy.BetaUserSet(odataType, id, description, isBackup, managerLevel);
      }
      SubjectSet subject = SubjectSet.parse(odataType, userId, groupId, managerLevel, description, clause);
      UUID named = subject.userId() != null ? subject.userId() : subject.groupId();
      return new BetaPolicy.BetaUserSet(odataType, named == null ? null : named.toString(), description, isBackup,
          managerLevel);
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
