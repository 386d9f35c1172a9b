package org.quartermaster.policy.policies.domain;

import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * Which custom extension runs at which stage. Whether the extension exists and fits the stage is checked against
 * extension-gateway's events when a policy is written (PolicyDefinition#checkExtensions).
 */
public record CustomExtensionStageSetting(String id, CustomExtensionStage stage, String customExtensionId) {

  public static CustomExtensionStageSetting parse(String id, String stage, String customExtensionId, String clause) {
    CustomExtensionStage parsed = GraphEnum.parse(CustomExtensionStage.class, stage, clause + ".stage");
    if (customExtensionId == null || customExtensionId.isBlank()) {
      throw new RuleViolation(clause + ".customExtension", "Property '" + clause + ".customExtension.id' is required.");
    }
    return new CustomExtensionStageSetting(id, parsed, customExtensionId.trim());
  }

  CustomExtensionStageSetting withId(String newId) {
    return new CustomExtensionStageSetting(newId, stage, customExtensionId);
  }
}
