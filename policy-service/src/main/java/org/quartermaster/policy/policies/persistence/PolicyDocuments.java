package org.quartermaster.policy.policies.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.policy.policies.domain.AnswerChoice;
import org.quartermaster.policy.policies.domain.ApprovalSettings;
import org.quartermaster.policy.policies.domain.ApprovalStage;
import org.quartermaster.policy.policies.domain.ApproverInformationVisibility;
import org.quartermaster.policy.policies.domain.AssignmentDuration;
import org.quartermaster.policy.policies.domain.CustomExtensionStage;
import org.quartermaster.policy.policies.domain.CustomExtensionStageSetting;
import org.quartermaster.policy.policies.domain.Expiration;
import org.quartermaster.policy.policies.domain.ExpirationType;
import org.quartermaster.policy.policies.domain.LocalizedText;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.Question;
import org.quartermaster.policy.policies.domain.QuestionType;
import org.quartermaster.policy.policies.domain.RequestorSettings;
import org.quartermaster.policy.policies.domain.SubjectSet;
import org.quartermaster.policy.policies.domain.SubjectType;
import org.quartermaster.policy.policies.domain.TargetScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The settings column: a policy's definition beyond its searchable columns. Written explicitly, field by field, with
 * enums by their Graph names, so renaming a Java type never breaks a stored policy.
 */
final class PolicyDocuments {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PolicyDocuments() {
  }

  static String write(PolicyDefinition definition) {
    ObjectNode root = JSON.createObjectNode();
    subjects(root.putArray("specificAllowedTargets"), definition.specificAllowedTargets());
    RequestorSettings requestors = definition.requestorSettings();
    ObjectNode settings = root.putObject("requestorSettings");
    settings.put("enableTargetsToSelfAddAccess", requestors.enableTargetsToSelfAddAccess());
    settings.put("enableTargetsToSelfUpdateAccess", requestors.enableTargetsToSelfUpdateAccess());
    settings.put("enableTargetsToSelfRemoveAccess", requestors.enableTargetsToSelfRemoveAccess());
    settings.put("allowCustomAssignmentSchedule", requestors.allowCustomAssignmentSchedule());
    settings.put("enableOnBehalfRequestorsToAddAccess", requestors.enableOnBehalfRequestorsToAddAccess());
    settings.put("enableOnBehalfRequestorsToUpdateAccess", requestors.enableOnBehalfRequestorsToUpdateAccess());
    settings.put("enableOnBehalfRequestorsToRemoveAccess", requestors.enableOnBehalfRequestorsToRemoveAccess());
    subjects(settings.putArray("onBehalfRequestors"), requestors.onBehalfRequestors());
    Expiration expiration = definition.expiration();
    ObjectNode expires = root.putObject("expiration");
    expires.put("type", expiration.type().graphName());
    expires.put("duration", expiration.duration());
    expires.put("endDateTime", expiration.endDateTime() == null ? null : expiration.endDateTime().toString());
    ApprovalSettings approval = definition.approval();
    ObjectNode approvals = root.putObject("approval");
    approvals.put("isApprovalRequiredForAdd", approval.isApprovalRequiredForAdd());
    approvals.put("isApprovalRequiredForUpdate", approval.isApprovalRequiredForUpdate());
    approvals.put("isRequestorJustificationRequired", approval.isRequestorJustificationRequired());
    ArrayNode approvalStages = approvals.putArray("stages");
    for (ApprovalStage stage : approval.stages()) {
      ObjectNode node = approvalStages.addObject();
      node.put("durationBeforeAutomaticDenial", AssignmentDuration.format(stage.durationBeforeAutomaticDenial()));
      node.put("isApproverJustificationRequired", stage.isApproverJustificationRequired());
      node.put("isEscalationEnabled", stage.isEscalationEnabled());
      node.put("durationBeforeEscalation", stage.durationBeforeEscalation() == null ? null
          : AssignmentDuration.format(stage.durationBeforeEscalation()));
      subjects(node.putArray("primaryApprovers"), stage.primaryApprovers());
      subjects(node.putArray("fallbackPrimaryApprovers"), stage.fallbackPrimaryApprovers());
      subjects(node.putArray("escalationApprovers"), stage.escalationApprovers());
      subjects(node.putArray("fallbackEscalationApprovers"), stage.fallbackEscalationApprovers());
      node.put("approvalsRequired", stage.approvalsRequired());
      node.put("approverInformationVisibility", stage.approverInformationVisibility().graphName());
    }
    ArrayNode questions = root.putArray("questions");
    for (Question question : definition.questions()) {
      ObjectNode node = questions.addObject();
      node.put("id", question.id());
      node.put("type", question.type().graphName());
      node.put("sequence", question.sequence());
      node.put("isRequired", question.isRequired());
      node.put("isAnswerEditable", question.isAnswerEditable());
      node.put("text", question.text());
      localizations(node.putArray("localizations"), question.localizations());
      node.put("isSingleLineQuestion", question.isSingleLineQuestion());
      node.put("regexPattern", question.regexPattern());
      ArrayNode choices = node.putArray("choices");
      for (AnswerChoice choice : question.choices()) {
        ObjectNode option = choices.addObject();
        option.put("actualValue", choice.actualValue());
        option.put("text", choice.text());
        localizations(option.putArray("localizations"), choice.localizations());
      }
      node.put("isMultipleSelectionAllowed", question.isMultipleSelectionAllowed());
    }
    ArrayNode stages = root.putArray("customExtensionStageSettings");
    for (CustomExtensionStageSetting setting : definition.customExtensionStageSettings()) {
      ObjectNode node = stages.addObject();
      node.put("id", setting.id());
      node.put("stage", setting.stage().graphName());
      node.put("customExtensionId", setting.customExtensionId());
    }
    return JSON.writeValueAsString(root);
  }

  static PolicyDefinition read(String document, String displayName, String description, String allowedTargetScope) {
    JsonNode root = JSON.readTree(document);
    JsonNode settings = root.get("requestorSettings");
    RequestorSettings requestors = new RequestorSettings(
        flag(settings, "enableTargetsToSelfAddAccess"), flag(settings, "enableTargetsToSelfUpdateAccess"),
        flag(settings, "enableTargetsToSelfRemoveAccess"), flag(settings, "allowCustomAssignmentSchedule"),
        flag(settings, "enableOnBehalfRequestorsToAddAccess"), flag(settings, "enableOnBehalfRequestorsToUpdateAccess"),
        flag(settings, "enableOnBehalfRequestorsToRemoveAccess"), subjects(settings.get("onBehalfRequestors")));
    JsonNode expires = root.get("expiration");
    String endDateTime = text(expires, "endDateTime");
    Expiration expiration = new Expiration(GraphEnum.parse(ExpirationType.class, text(expires, "type"), "expiration.type"),
        text(expires, "duration"), endDateTime == null ? null : Instant.parse(endDateTime));
    JsonNode approvals = root.get("approval");
    ApprovalSettings approval = new ApprovalSettings(flag(approvals, "isApprovalRequiredForAdd"),
        flag(approvals, "isApprovalRequiredForUpdate"), flag(approvals, "isRequestorJustificationRequired"),
        approvalStages(approvals.get("stages")));
    List<Question> questions = new ArrayList<>();
    for (JsonNode node : root.get("questions")) {
      List<AnswerChoice> choices = new ArrayList<>();
      for (JsonNode option : node.get("choices")) {
        choices.add(new AnswerChoice(text(option, "actualValue"), text(option, "text"),
            localizations(option.get("localizations"))));
      }
      questions.add(new Question(text(node, "id"), GraphEnum.parse(QuestionType.class, text(node, "type"), "type"),
          node.get("sequence").asInt(), flag(node, "isRequired"), flag(node, "isAnswerEditable"), text(node, "text"),
          localizations(node.get("localizations")), flag(node, "isSingleLineQuestion"), text(node, "regexPattern"),
          choices, flag(node, "isMultipleSelectionAllowed")));
    }
    List<CustomExtensionStageSetting> stages = new ArrayList<>();
    for (JsonNode node : root.get("customExtensionStageSettings")) {
      stages.add(new CustomExtensionStageSetting(text(node, "id"),
          GraphEnum.parse(CustomExtensionStage.class, text(node, "stage"), "stage"), text(node, "customExtensionId")));
    }
    return new PolicyDefinition(displayName, description,
        GraphEnum.parse(TargetScope.class, allowedTargetScope, "allowedTargetScope"),
        subjects(root.get("specificAllowedTargets")), requestors, expiration, approval, questions, stages);
  }

  /** Policies stored before approval stages existed have none. */
  private static List<ApprovalStage> approvalStages(JsonNode array) {
    List<ApprovalStage> stages = new ArrayList<>();
    if (array == null || array.isNull()) {
      return stages;
    }
    for (JsonNode node : array) {
      String escalation = text(node, "durationBeforeEscalation");
      JsonNode quorum = node.get("approvalsRequired");
      stages.add(new ApprovalStage(AssignmentDuration.toDuration(text(node, "durationBeforeAutomaticDenial")),
          flag(node, "isApproverJustificationRequired"), flag(node, "isEscalationEnabled"),
          escalation == null ? null : AssignmentDuration.toDuration(escalation),
          subjects(node.get("primaryApprovers")), subjects(node.get("fallbackPrimaryApprovers")),
          subjects(node.get("escalationApprovers")), subjects(node.get("fallbackEscalationApprovers")),
          quorum == null || quorum.isNull() ? 1 : quorum.asInt(),
          ApproverInformationVisibility.parse(text(node, "approverInformationVisibility"), "approverInformationVisibility")));
    }
    return stages;
  }

  private static void subjects(ArrayNode array, List<SubjectSet> subjects) {
    for (SubjectSet subject : subjects) {
      ObjectNode node = array.addObject();
      node.put("type", subject.type().graphName());
      node.put("userId", subject.userId() == null ? null : subject.userId().toString());
      node.put("groupId", subject.groupId() == null ? null : subject.groupId().toString());
      node.put("managerLevel", subject.managerLevel());
      node.put("description", subject.description());
    }
  }

  private static List<SubjectSet> subjects(JsonNode array) {
    List<SubjectSet> subjects = new ArrayList<>();
    for (JsonNode node : array) {
      String userId = text(node, "userId");
      String groupId = text(node, "groupId");
      JsonNode level = node.get("managerLevel");
      subjects.add(new SubjectSet(GraphEnum.parse(SubjectType.class, text(node, "type"), "type"),
          userId == null ? null : UUID.fromString(userId), groupId == null ? null : UUID.fromString(groupId),
          level == null || level.isNull() ? null : level.asInt(), text(node, "description")));
    }
    return subjects;
  }

  private static void localizations(ArrayNode array, List<LocalizedText> localizations) {
    for (LocalizedText localized : localizations) {
      ObjectNode node = array.addObject();
      node.put("languageCode", localized.languageCode());
      node.put("text", localized.text());
    }
  }

  private static List<LocalizedText> localizations(JsonNode array) {
    List<LocalizedText> localizations = new ArrayList<>();
    for (JsonNode node : array) {
      localizations.add(new LocalizedText(text(node, "languageCode"), text(node, "text")));
    }
    return localizations;
  }

  private static boolean flag(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.asBoolean();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
