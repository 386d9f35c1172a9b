package org.quartermaster.policy.policies.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Policy definitions the domain tests start from and vary. */
final class Policies {

  static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  static final AccessPackageRef CAMPAIGN = new AccessPackageRef(UUID.randomUUID(), UUID.randomUUID(), "Marketing Campaign",
      null, false);

  private Policies() {
  }

  static RequestorSettings selfService() {
    return new RequestorSettings(true, false, true, false, false, false, false, List.of());
  }

  static PolicyDefinition forMembers(String displayName) {
    return new PolicyDefinition(displayName, null, TargetScope.ALL_MEMBER_USERS, List.of(), selfService(),
        Expiration.parse("afterDuration", "P30D", null), ApprovalRequirements.none(), List.of(), List.of());
  }

  static PolicyDefinition forTargets(List<SubjectSet> targets) {
    return new PolicyDefinition("Specific users", null, TargetScope.SPECIFIC_DIRECTORY_USERS, targets, selfService(),
        Expiration.never(), ApprovalRequirements.none(), List.of(), List.of());
  }

  static PolicyDefinition with(PolicyDefinition base, List<Question> questions) {
    return new PolicyDefinition(base.displayName(), base.description(), base.allowedTargetScope(),
        base.specificAllowedTargets(), base.requestorSettings(), base.expiration(), base.approval(), questions,
        base.customExtensionStageSettings());
  }

  static AssignmentPolicy created(PolicyDefinition definition) {
    return AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, null, definition, NOW, "admin@contoso.com",
        UUID::randomUUID).state();
  }

  static Question text(String id, String text) {
    return new Question(id, QuestionType.TEXT, 0, true, false, text, List.of(), true, null, List.of(), false);
  }

  static Question choice(String id, String text, List<AnswerChoice> choices) {
    return new Question(id, QuestionType.MULTIPLE_CHOICE, 1, true, false, text, List.of(), false, null, choices, false);
  }

  static AnswerChoice option(String value) {
    return new AnswerChoice(value, value, List.of());
  }
}
