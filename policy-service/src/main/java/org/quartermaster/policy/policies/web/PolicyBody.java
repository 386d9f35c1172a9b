package org.quartermaster.policy.policies.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.policy.common.domain.NotSupported;
import org.quartermaster.policy.common.web.IdReference;
import org.quartermaster.policy.policies.application.NewPolicy;
import org.quartermaster.policy.policies.application.PolicyReplacement;
import org.quartermaster.policy.policies.domain.AnswerChoice;
import org.quartermaster.policy.policies.domain.ApprovalSettings;
import org.quartermaster.policy.policies.domain.ApprovalStage;
import org.quartermaster.policy.policies.domain.BetaPolicy;
import org.quartermaster.policy.policies.domain.CustomExtensionStageSetting;
import org.quartermaster.policy.policies.domain.Expiration;
import org.quartermaster.policy.policies.domain.LocalizedText;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.Question;
import org.quartermaster.policy.policies.domain.QuestionType;
import org.quartermaster.policy.policies.domain.RequestorSettings;
import org.quartermaster.policy.policies.domain.SubjectSet;
import org.quartermaster.policy.policies.domain.TargetScope;

/**
 * POST and PUT of a v1.0 accessPackageAssignmentPolicy. A PUT commonly sends back what a GET returned, so the
 * read-only properties are accepted and ignored; the package may also be named beta's way, {@code accessPackageId}.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record PolicyBody(
    String id,
    String displayName,
    String description,
    String allowedTargetScope,
    List<Subject> specificAllowedTargets,
    ExpirationBody expiration,
    Requestors requestorSettings,
    Approval requestApprovalSettings,
    Object automaticRequestSettings,
    Object reviewSettings,
    Object notificationSettings,
    List<QuestionBody> questions,
    List<StageSetting> customExtensionStageSettings,
    IdReference accessPackage,
    UUID accessPackageId,
    IdReference catalog,
    Instant createdDateTime,
    Instant modifiedDateTime) {

  NewPolicy toNewPolicy() {
    return new NewPolicy(accessPackageIdOrNull(), catalog == null ? null : catalog.id(), toDefinition());
  }

  PolicyReplacement toReplacement() {
    return new PolicyReplacement(id, accessPackageIdOrNull(), toDefinition());
  }

  private UUID accessPackageIdOrNull() {
    return accessPackageId != null ? accessPackageId : accessPackage == null ? null : accessPackage.id();
  }

  PolicyDefinition toDefinition() {
    if (automaticRequestSettings != null) {
      throw new NotSupported("automaticRequestSettings", "Property 'automaticRequestSettings' (automatic assignment "
          + "policies) is not supported yet; access is assigned through requests and direct assignments only.");
    }
    Unsupported.reviews(reviewSettings, "reviewSettings");
    Unsupported.absent(notificationSettings, "notificationSettings", "notifications");
    return new PolicyDefinition(displayName, description, TargetScope.parse(allowedTargetScope),
        indexed(specificAllowedTargets, (target, i) -> target.toSubjectSet("specificAllowedTargets[" + i + "]")),
        requestorSettings == null ? RequestorSettings.none() : requestorSettings.toSettings(),
        expiration == null ? Expiration.notSpecified() : expiration.toExpiration(),
        requestApprovalSettings == null ? ApprovalSettings.none() : requestApprovalSettings.toSettings(),
        indexed(questions, QuestionBody::toQuestion),
        indexed(customExtensionStageSettings, (setting, i) -> setting.toSetting("customExtensionStageSettings[" + i + "]")));
  }

  static <T, R> List<R> indexed(List<T> items, BiFunction<T, Integer, R> mapper) {
    List<R> mapped = new ArrayList<>();
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        mapped.add(mapper.apply(items.get(i), i));
      }
    }
    return mapped;
  }

  /** A v1.0 subjectSet; the properties of the kinds not supported yet are read so they can be refused by name. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Subject(@JsonProperty("@odata.type") String odataType, String userId, String groupId, Integer managerLevel,
      String description, String connectedOrganizationId, String membershipRule) {

    SubjectSet toSubjectSet(String clause) {
      return SubjectSet.parse(odataType, userId, groupId, managerLevel, description, clause);
    }
  }

  /** v1.0 expirationPattern. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record ExpirationBody(String type, String duration, Instant endDateTime) {

    Expiration toExpiration() {
      return Expiration.parse(type, duration, endDateTime);
    }
  }

  /** v1.0 accessPackageAssignmentRequestorSettings; an absent switch is off. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Requestors(Boolean enableTargetsToSelfAddAccess, Boolean enableTargetsToSelfUpdateAccess,
      Boolean enableTargetsToSelfRemoveAccess, Boolean allowCustomAssignmentSchedule,
      Boolean enableOnBehalfRequestorsToAddAccess, Boolean enableOnBehalfRequestorsToUpdateAccess,
      Boolean enableOnBehalfRequestorsToRemoveAccess, List<Subject> onBehalfRequestors) {

    RequestorSettings toSettings() {
      return new RequestorSettings(on(enableTargetsToSelfAddAccess), on(enableTargetsToSelfUpdateAccess),
          on(enableTargetsToSelfRemoveAccess), on(allowCustomAssignmentSchedule), on(enableOnBehalfRequestorsToAddAccess),
          on(enableOnBehalfRequestorsToUpdateAccess), on(enableOnBehalfRequestorsToRemoveAccess),
          indexed(onBehalfRequestors, (subject, i) ->
              subject.toSubjectSet("requestorSettings.onBehalfRequestors[" + i + "]")));
    }
  }

  /**
   * v1.0 accessPackageAssignmentApprovalSettings. The v1.0 PowerShell cmdlet of seed 002 section 4 sends beta's
   * approvalMode and approvalStages here instead of stages; they are read as beta reads them, into the same model. A
   * body gives one stage list or the other, not both.
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Approval(Boolean isApprovalRequiredForAdd, Boolean isApprovalRequiredForUpdate,
      Boolean isRequestorJustificationRequired, List<Stage> stages, String approvalMode,
      BetaPolicyBody.BetaStageList approvalStages) {

    ApprovalSettings toSettings() {
      if (stages != null && approvalStages != null) {
        throw new RuleViolation(ApprovalSettings.Spelling.V1.stages(), "Give either 'requestApprovalSettings.stages' "
            + "(v1.0) or 'requestApprovalSettings.approvalStages' (beta's shape), not both.");
      }
      if (approvalStages != null) {
        String property = ApprovalSettings.Spelling.V1_WITH_BETA_STAGES.stages();
        List<BetaPolicy.BetaApprovalStage> beta = approvalStages.toStages(property);
        return ApprovalSettings.of(isApprovalRequiredForAdd, isApprovalRequiredForUpdate, isRequestorJustificationRequired,
            approvalMode, indexed(beta, (stage, i) -> stage.toStage(property + "[" + i + "]")),
            ApprovalSettings.Spelling.V1_WITH_BETA_STAGES);
      }
      String property = ApprovalSettings.Spelling.V1.stages();
      return ApprovalSettings.of(isApprovalRequiredForAdd, isApprovalRequiredForUpdate, isRequestorJustificationRequired,
          approvalMode, indexed(stages, (stage, i) -> stage.toStage(property + "[" + i + "]")), ApprovalSettings.Spelling.V1);
    }
  }

  /**
   * v1.0 accessPackageApprovalStage, with the Quartermaster extension approvalsRequired (how many approvers must
   * approve; Graph's behaviour is 1).
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Stage(String durationBeforeAutomaticDenial, Boolean isApproverJustificationRequired,
      Boolean isEscalationEnabled, String durationBeforeEscalation, List<Subject> primaryApprovers,
      List<Subject> fallbackPrimaryApprovers, List<Subject> escalationApprovers, List<Subject> fallbackEscalationApprovers,
      String approverInformationVisibility, Integer approvalsRequired) {

    ApprovalStage toStage(String clause) {
      return ApprovalStage.parse(durationBeforeAutomaticDenial, isApproverJustificationRequired, isEscalationEnabled,
          durationBeforeEscalation, subjects(primaryApprovers, clause + ".primaryApprovers"),
          subjects(fallbackPrimaryApprovers, clause + ".fallbackPrimaryApprovers"),
          subjects(escalationApprovers, clause + ".escalationApprovers"),
          subjects(fallbackEscalationApprovers, clause + ".fallbackEscalationApprovers"), approvalsRequired,
          approverInformationVisibility, clause);
    }

    private static List<SubjectSet> subjects(List<Subject> subjects, String clause) {
      return indexed(subjects, (subject, i) -> subject.toSubjectSet(clause + "[" + i + "]"));
    }
  }

  /** A v1.0 accessPackageTextInputQuestion or accessPackageMultipleChoiceQuestion. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record QuestionBody(@JsonProperty("@odata.type") String odataType, String id, Integer sequence,
      Boolean isRequired, Boolean isAnswerEditable, String text, List<Localized> localizations,
      Boolean isSingleLineQuestion, String regexPattern, List<Choice> choices, Boolean isMultipleSelectionAllowed) {

    /** An absent sequence is the question's position in the list. */
    Question toQuestion(int index) {
      String clause = "questions[" + index + "]";
      return new Question(id, QuestionType.parse(odataType, clause), sequence == null ? index : sequence, on(isRequired),
          on(isAnswerEditable), text, Localized.all(localizations), on(isSingleLineQuestion), regexPattern,
          indexed(choices, (choice, i) -> choice.toChoice()), on(isMultipleSelectionAllowed));
    }
  }

  /** v1.0 accessPackageAnswerChoice. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Choice(String actualValue, String text, List<Localized> localizations) {

    AnswerChoice toChoice() {
      return new AnswerChoice(actualValue, text, Localized.all(localizations));
    }
  }

  /** accessPackageLocalizedText. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Localized(String languageCode, String text) {

    static List<LocalizedText> all(List<Localized> localizations) {
      return indexed(localizations, (localized, i) -> new LocalizedText(localized.languageCode(), localized.text()));
    }
  }

  /** customExtensionStageSetting: the stage and the extension, named by id. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record StageSetting(String id, String stage, IdReference customExtension) {

    CustomExtensionStageSetting toSetting(String clause) {
      return CustomExtensionStageSetting.parse(id, stage,
          customExtension == null || customExtension.id() == null ? null : customExtension.id().toString(), clause);
    }
  }

  static boolean on(Boolean flag) {
    return Boolean.TRUE.equals(flag);
  }
}
