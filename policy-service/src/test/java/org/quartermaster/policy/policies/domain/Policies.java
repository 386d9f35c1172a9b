package org.quartermaster.policy.policies.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        Expiration.parse("afterDuration", "P30D", null), ApprovalSettings.none(), List.of(), List.of());
  }

  static PolicyDefinition forTargets(List<SubjectSet> targets) {
    return new PolicyDefinition("Specific users", null, TargetScope.SPECIFIC_DIRECTORY_USERS, targets, selfService(),
        Expiration.never(), ApprovalSettings.none(), List.of(), List.of());
  }

  static PolicyDefinition with(PolicyDefinition base, List<Question> questions) {
    return new PolicyDefinition(base.displayName(), base.description(), base.allowedTargetScope(),
        base.specificAllowedTargets(), base.requestorSettings(), base.expiration(), base.approval(), questions,
        base.customExtensionStageSettings());
  }

  static PolicyDefinition withApproval(PolicyDefinition base, ApprovalSettings approval) {
    return new PolicyDefinition(base.displayName(), base.description(), base.allowedTargetScope(),
        base.specificAllowedTargets(), base.requestorSettings(), base.expiration(), approval, base.questions(),
        base.customExtensionStageSettings());
  }

  static final UUID FALLBACK_USER = UUID.fromString("4b9a2f3e-1c1d-4e6f-9a7b-2c3d4e5f6a7b");
  static final UUID RESOURCE_OWNER = UUID.fromString("8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");

  /** Seed 002's first stage in minutes: the requestor's manager, escalating to a fallback user after 5 minutes. */
  static ApprovalStage managerStage() {
    return ApprovalStage.parse("PT15M", true, true, "PT5M", List.of(SubjectSet.requestorManager(1)), List.of(),
        List.of(SubjectSet.singleUser(FALLBACK_USER, "Governance fallback")), List.of(), null, null,
        "requestApprovalSettings.stages[0]");
  }

  /** Seed 002's second stage: the resource owner. */
  static ApprovalStage ownerStage() {
    return ApprovalStage.parse("P5D", true, false, null, List.of(SubjectSet.singleUser(RESOURCE_OWNER, "Owner")),
        List.of(), List.of(), List.of(), null, null, "requestApprovalSettings.stages[1]");
  }

  static AssignmentPolicy created(PolicyDefinition definition) {
    return AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, null, definition, Map.of(), NOW,
        "admin@contoso.com", UUID::randomUUID).state();
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
