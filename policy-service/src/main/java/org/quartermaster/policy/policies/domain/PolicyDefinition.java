package org.quartermaster.policy.policies.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.quartermaster.platform.domain.Texts;
import org.quartermaster.platform.domain.RuleViolation;

/** Everything an administrator sets on a policy; a PUT replaces all of it. */
public record PolicyDefinition(
    String displayName,
    String description,
    TargetScope allowedTargetScope,
    List<SubjectSet> specificAllowedTargets,
    RequestorSettings requestorSettings,
    Expiration expiration,
    ApprovalSettings approval,
    List<Question> questions,
    List<CustomExtensionStageSetting> customExtensionStageSettings) {

  public PolicyDefinition {
    specificAllowedTargets = List.copyOf(specificAllowedTargets);
    questions = List.copyOf(questions);
    customExtensionStageSettings = List.copyOf(customExtensionStageSettings);
  }

  /** Trims the name and gives every question and stage setting without an id a fresh one. */
  PolicyDefinition normalised(Supplier<UUID> ids) {
    List<Question> identified = questions.stream()
        .map(question -> question.id() == null || question.id().isBlank() ? question.withId(ids.get().toString()) : question)
        .toList();
    List<CustomExtensionStageSetting> settings = customExtensionStageSettings.stream()
        .map(setting -> setting.id() == null || setting.id().isBlank() ? setting.withId(ids.get().toString()) : setting)
        .toList();
    return new PolicyDefinition(displayName == null ? null : displayName.trim(), description, allowedTargetScope,
        specificAllowedTargets, requestorSettings, expiration, approval, identified, settings);
  }

  /** @param endDateTimeChanged whether the expiration's end date is new, so it must still lie ahead */
  void validate(Instant now, boolean endDateTimeChanged) {
    Texts.requireDisplayName(displayName);
    Texts.checkDescription(description);
    allowedTargetScope.requireSupported();
    if (allowedTargetScope.isSpecific() && specificAllowedTargets.isEmpty()) {
      throw new RuleViolation("specificAllowedTargets", "allowedTargetScope 'specificDirectoryUsers' needs at least one "
          + "entry in 'specificAllowedTargets' (a singleUser or groupMembers subject set).");
    }
    if (!allowedTargetScope.isSpecific() && !specificAllowedTargets.isEmpty()) {
      throw new RuleViolation("specificAllowedTargets", "Property 'specificAllowedTargets' applies only to "
          + "allowedTargetScope 'specificDirectoryUsers', not to '" + allowedTargetScope.graphName() + "'.");
    }
    if (endDateTimeChanged) {
      expiration.checkEndIsAhead(now);
    }
    checkQuestions();
    checkStages();
  }

  /**
   * Each stage setting must name a custom workflow extension that exists, is in the policy's catalog (Graph's rule:
   * a policy may only use its own catalog's extensions) and is of the kind Graph calls at that stage.
   *
   * @param known the extensions the settings name that extension-gateway has told this service about, keyed by the
   *     id as the setting gives it
   */
  void checkExtensions(UUID catalogId, Map<String, CustomExtensionRef> known) {
    for (int i = 0; i < customExtensionStageSettings.size(); i++) {
      CustomExtensionStageSetting setting = customExtensionStageSettings.get(i);
      String clause = "customExtensionStageSettings[" + i + "].customExtension.id";
      CustomExtensionRef extension = known.get(setting.customExtensionId());
      if (extension == null) {
        throw new RuleViolation(clause, "Property '" + clause + "': custom workflow extension '"
            + setting.customExtensionId() + "' does not exist.");
      }
      if (!extension.catalogId().equals(catalogId)) {
        throw new RuleViolation(clause, "Property '" + clause + "': custom workflow extension '"
            + extension.displayName() + "' (" + extension.id() + ") is in catalog " + extension.catalogId()
            + ", but the policy's access package is in catalog " + catalogId
            + "; a policy can only use extensions of its own catalog.");
      }
      if (!extension.kind().serves(setting.stage())) {
        CustomExtensionKind needed = extension.kind() == CustomExtensionKind.REQUEST
            ? CustomExtensionKind.ASSIGNMENT : CustomExtensionKind.REQUEST;
        throw new RuleViolation(clause, "Property '" + clause + "': custom workflow extension '"
            + extension.displayName() + "' (" + extension.id() + ") is an " + extension.kind().graphName()
            + ", which cannot run at stage '" + setting.stage().graphName() + "'; that stage needs an "
            + needed.graphName() + ".");
      }
    }
  }

  private void checkQuestions() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < questions.size(); i++) {
      Question question = questions.get(i);
      question.validate("questions[" + i + "]");
      if (!ids.add(question.id())) {
        throw new RuleViolation("questions[" + i + "].id", "Property 'questions[" + i + "].id' repeats the id '"
            + question.id() + "' of another question.");
      }
    }
  }

  private void checkStages() {
    List<CustomExtensionStage> seen = new ArrayList<>();
    for (int i = 0; i < customExtensionStageSettings.size(); i++) {
      CustomExtensionStage stage = customExtensionStageSettings.get(i).stage();
      if (seen.contains(stage)) {
        String clause = "customExtensionStageSettings[" + i + "].stage";
        throw new RuleViolation(clause, "Property '" + clause + "': stage '" + stage.graphName()
            + "' appears twice in 'customExtensionStageSettings'; one custom extension runs per stage.");
      }
      seen.add(stage);
    }
  }
}
