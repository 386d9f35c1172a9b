package org.quartermaster.policy.policies.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.policy.extensions.application.CustomExtensions;
import org.quartermaster.policy.policies.domain.AnswerChoice;
import org.quartermaster.policy.policies.domain.ApprovalStage;
import org.quartermaster.policy.policies.domain.AssignmentDuration;
import org.quartermaster.policy.policies.domain.BetaPolicy;
import org.quartermaster.policy.policies.domain.CustomExtensionRef;
import org.quartermaster.policy.policies.domain.CustomExtensionStageSetting;
import org.quartermaster.policy.policies.domain.Expiration;
import org.quartermaster.policy.policies.domain.LocalizedText;
import org.quartermaster.policy.policies.domain.Question;
import org.quartermaster.policy.policies.domain.QuestionType;
import org.quartermaster.policy.policies.domain.SubjectSet;
import org.quartermaster.policy.policies.domain.SubjectType;

/**
 * The polymorphic parts of a policy as Graph writes them: each subject set and question carries its
 * {@code @odata.type} and only the properties of its own kind, so they are written as ordered maps.
 */
final class PolicyJson {

  private PolicyJson() {
  }

  static Map<String, Object> subject(SubjectSet subject) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.type", subject.type().odataType());
    if (subject.type() == SubjectType.SINGLE_USER) {
      json.put("userId", subject.userId().toString());
      json.put("description", subject.description());
    } else if (subject.type() == SubjectType.GROUP_MEMBERS) {
      json.put("groupId", subject.groupId().toString());
      json.put("description", subject.description());
    } else {
      json.put("managerLevel", subject.managerLevel());
    }
    return json;
  }

  static List<Map<String, Object>> subjects(List<SubjectSet> subjects) {
    return subjects.stream().map(PolicyJson::subject).toList();
  }

  /** Beta's userSet: the object is named by id, and every entry says whether it is a backup. */
  static Map<String, Object> betaUserSet(BetaPolicy.BetaUserSet set) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.type", set.odataType());
    json.put("isBackup", Boolean.TRUE.equals(set.isBackup()));
    if (set.id() != null) {
      json.put("id", set.id());
      json.put("description", set.description());
    } else {
      json.put("managerLevel", set.managerLevel());
    }
    return json;
  }

  /** A v1.0 accessPackageApprovalStage; approvalsRequired is a Quartermaster extension that Graph clients ignore. */
  static Map<String, Object> approvalStage(ApprovalStage stage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("durationBeforeAutomaticDenial", AssignmentDuration.format(stage.durationBeforeAutomaticDenial()));
    json.put("isApproverJustificationRequired", stage.isApproverJustificationRequired());
    json.put("isEscalationEnabled", stage.isEscalationEnabled());
    json.put("durationBeforeEscalation", stage.durationBeforeEscalation() == null ? null
        : AssignmentDuration.format(stage.durationBeforeEscalation()));
    json.put("primaryApprovers", subjects(stage.primaryApprovers()));
    json.put("fallbackPrimaryApprovers", subjects(stage.fallbackPrimaryApprovers()));
    json.put("escalationApprovers", subjects(stage.escalationApprovers()));
    json.put("fallbackEscalationApprovers", subjects(stage.fallbackEscalationApprovers()));
    json.put("approverInformationVisibility", stage.approverInformationVisibility().graphName());
    json.put("approvalsRequired", stage.approvalsRequired());
    return json;
  }

  /** Beta's approvalStage, with the ISO-8601 durations and approvalsRequired that Quartermaster adds to it. */
  static Map<String, Object> betaApprovalStage(BetaPolicy.BetaApprovalStage stage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("approvalStageTimeOutInDays", stage.approvalStageTimeOutInDays());
    json.put("isApproverJustificationRequired", stage.isApproverJustificationRequired());
    json.put("isEscalationEnabled", stage.isEscalationEnabled());
    json.put("escalationTimeInMinutes", stage.escalationTimeInMinutes());
    json.put("primaryApprovers", stage.primaryApprovers().stream().map(PolicyJson::betaUserSet).toList());
    json.put("escalationApprovers", stage.escalationApprovers().stream().map(PolicyJson::betaUserSet).toList());
    json.put("durationBeforeAutomaticDenial", stage.durationBeforeAutomaticDenial());
    json.put("durationBeforeEscalation", stage.durationBeforeEscalation());
    json.put("approvalsRequired", stage.approvalsRequired());
    return json;
  }

  static Map<String, Object> expiration(Expiration expiration) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", expiration.type().graphName());
    json.put("duration", expiration.duration());
    json.put("endDateTime", expiration.endDateTime());
    return json;
  }

  static List<Map<String, Object>> questions(List<Question> questions) {
    return questions.stream().map(question -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("@odata.type", question.type().odataType());
      json.put("id", question.id());
      json.put("sequence", question.sequence());
      json.put("isRequired", question.isRequired());
      json.put("isAnswerEditable", question.isAnswerEditable());
      json.put("text", question.text());
      json.put("localizations", localizations(question.localizations()));
      if (question.type() == QuestionType.TEXT) {
        json.put("isSingleLineQuestion", question.isSingleLineQuestion());
        json.put("regexPattern", question.regexPattern());
      } else {
        json.put("choices", question.choices().stream().map(PolicyJson::choice).toList());
        json.put("isMultipleSelectionAllowed", question.isMultipleSelectionAllowed());
      }
      return json;
    }).toList();
  }

  static List<Map<String, Object>> betaQuestions(List<Question> questions) {
    return questions.stream().map(question -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("@odata.type", question.type().odataType());
      json.put("id", question.id());
      json.put("isRequired", question.isRequired());
      json.put("sequence", question.sequence());
      json.put("text", content(question.text(), question.localizations()));
      if (question.type() == QuestionType.TEXT) {
        json.put("isSingleLineQuestion", question.isSingleLineQuestion());
      } else {
        json.put("allowsMultipleSelection", question.isMultipleSelectionAllowed());
        json.put("choices", question.choices().stream().map(choice -> {
          Map<String, Object> option = new LinkedHashMap<>();
          option.put("actualValue", choice.actualValue());
          option.put("displayValue", content(choice.text(), choice.localizations()));
          return option;
        }).toList());
      }
      return json;
    }).toList();
  }

  /**
   * The extension is named by id, or shown whole when the client expanded it ({@code expanded} not null) and
   * extension-gateway has told this service about it.
   *
   * @param expanded the known extensions by id, or null when {@code customExtension} was not expanded
   */
  static List<Map<String, Object>> stageSettings(List<CustomExtensionStageSetting> settings,
      Map<UUID, CustomExtensionRef> expanded) {
    return settings.stream().map(setting -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", setting.id());
      json.put("stage", setting.stage().graphName());
      CustomExtensionRef extension = expanded == null ? null
          : CustomExtensions.guid(setting.customExtensionId()).map(expanded::get).orElse(null);
      json.put("customExtension", extension == null ? Map.of("id", setting.customExtensionId()) : extension(extension));
      return json;
    }).toList();
  }

  /**
   * A custom workflow extension as extension-gateway's events describe it, in Graph's shape: the endpoint as an
   * httpRequestEndpoint (the events carry the URL, not the Logic App's names), the callback configuration only for
   * launch-and-wait. Its signing secret and authentication never leave extension-gateway.
   */
  static Map<String, Object> extension(CustomExtensionRef extension) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.type", extension.kind().odataType());
    json.put("id", extension.id().toString());
    json.put("displayName", extension.displayName());
    json.put("description", extension.description());
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("@odata.type", "#microsoft.graph.httpRequestEndpoint");
    endpoint.put("targetUrl", extension.endpointUrl());
    json.put("endpointConfiguration", endpoint);
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("@odata.type", "#microsoft.graph.customExtensionClientConfiguration");
    client.put("timeoutInMilliseconds", extension.timeoutInMilliseconds());
    client.put("maximumRetries", extension.maximumRetries());
    json.put("clientConfiguration", client);
    Map<String, Object> callback = null;
    if (extension.launchAndWait()) {
      callback = new LinkedHashMap<>();
      callback.put("@odata.type", "#microsoft.graph.customExtensionCallbackConfiguration");
      callback.put("durationBeforeTimeout", extension.durationBeforeTimeout());
      // v1.0's CSDL name for the same duration, as extension-gateway shows it too.
      callback.put("timeoutDuration", extension.durationBeforeTimeout());
    }
    json.put("callbackConfiguration", callback);
    return json;
  }

  private static Map<String, Object> choice(AnswerChoice choice) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("actualValue", choice.actualValue());
    json.put("text", choice.text());
    json.put("localizations", localizations(choice.localizations()));
    return json;
  }

  private static List<Map<String, Object>> localizations(List<LocalizedText> localizations) {
    return localizations.stream().map(localized -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("languageCode", localized.languageCode());
      json.put("text", localized.text());
      return json;
    }).toList();
  }

  private static Map<String, Object> content(String defaultText, List<LocalizedText> localizations) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("defaultText", defaultText);
    json.put("localizedTexts", localizations.stream().map(localized -> {
      Map<String, Object> text = new LinkedHashMap<>();
      text.put("text", localized.text());
      text.put("languageCode", localized.languageCode());
      return text;
    }).toList());
    return json;
  }
}
