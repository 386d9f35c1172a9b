package org.quartermaster.policy.policies.domain;

import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.policy.common.domain.NotSupported;

/**
 * Beta's approvalMode. It only restates what the settings already say (approval required or not, one stage or
 * several), so it is checked against them and not stored; a policy reads back with the mode its settings imply.
 */
public enum ApprovalMode implements GraphEnum {
  NO_APPROVAL("noApproval"),
  SINGLE_STAGE("singleStage"),
  SERIAL("serial"),
  PARALLEL("parallel");

  static final String CLAUSE = "requestApprovalSettings.approvalMode";

  private final String graphName;

  ApprovalMode(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** The mode a policy's settings imply: stages listed on a policy that requires no approval do not make it Serial. */
  public static ApprovalMode of(ApprovalSettings settings) {
    if (!settings.isApprovalRequired()) {
      return NO_APPROVAL;
    }
    return settings.stages().size() == 1 ? SINGLE_STAGE : SERIAL;
  }

  static ApprovalMode parse(String value) {
    return GraphEnum.parseOptional(ApprovalMode.class, value, CLAUSE);
  }

  void check(ApprovalSettings settings, ApprovalSettings.Spelling names) {
    if (this == PARALLEL) {
      throw new NotSupported(CLAUSE, "Property '" + CLAUSE + "' value 'Parallel' is not supported: Quartermaster runs "
          + "approval stages one after another. Use 'Serial', or 'SingleStage' for one stage.");
    }
    if (this == NO_APPROVAL && settings.isApprovalRequired()) {
      throw new RuleViolation(CLAUSE, "Property '" + CLAUSE + "' is 'NoApproval', but " + names.required(settings)
          + " is true; use 'SingleStage' or 'Serial'.");
    }
    if (this == SINGLE_STAGE && settings.stages().size() > 1) {
      throw new RuleViolation(CLAUSE, "Property '" + CLAUSE + "' is 'SingleStage', but '" + names.stages() + "' has "
          + settings.stages().size() + " stages; use 'Serial'.");
    }
  }
}
