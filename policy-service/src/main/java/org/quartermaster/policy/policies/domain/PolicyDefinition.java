package org.quartermaster.policy.policies.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        throw new RuleViolation("customExtensionStageSettings[" + i + "].stage", "Stage '" + stage.graphName()
            + "' appears twice in 'customExtensionStageSettings'; one custom extension runs per stage.");
      }
      seen.add(stage);
    }
  }
}
