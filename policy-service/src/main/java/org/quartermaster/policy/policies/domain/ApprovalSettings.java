package org.quartermaster.policy.policies.domain;

import java.util.List;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * A policy's requestApprovalSettings: whether requests wait for approval, and the stages they pass one after another.
 * Any number of stages up to {@value #MAX_STAGES} is a Quartermaster extension; Graph allows three. Stages on a policy
 * that requires no approval are kept, as Graph keeps them, and asked of nobody.
 */
public record ApprovalSettings(boolean isApprovalRequiredForAdd, boolean isApprovalRequiredForUpdate,
    boolean isRequestorJustificationRequired, List<ApprovalStage> stages) {

  /** Far beyond any real approval chain; it bounds the work one request can cause. */
  public static final int MAX_STAGES = 20;

  public ApprovalSettings {
    stages = List.copyOf(stages);
  }

  public static ApprovalSettings none() {
    return new ApprovalSettings(false, false, false, List.of());
  }

  public boolean isApprovalRequired() {
    return isApprovalRequiredForAdd || isApprovalRequiredForUpdate;
  }

  /**
   * @param approvalMode beta's approvalMode, which v1.0 bodies may send too; null when absent
   * @param stages the stages, each already checked where it sits in the request
   * @param names how the client spelled the switches and the stage list, for the refusals
   */
  public static ApprovalSettings of(Boolean forAdd, Boolean forUpdate, Boolean justification, String approvalMode,
      List<ApprovalStage> stages, Spelling names) {
    ApprovalMode mode = ApprovalMode.parse(approvalMode);
    ApprovalSettings settings = new ApprovalSettings(Boolean.TRUE.equals(forAdd), Boolean.TRUE.equals(forUpdate),
        Boolean.TRUE.equals(justification), stages);
    if (settings.stages.size() > MAX_STAGES) {
      throw new RuleViolation(names.stages(), "Property '" + names.stages() + "' has " + settings.stages.size()
          + " stages; Quartermaster runs at most " + MAX_STAGES + ".");
    }
    if (settings.isApprovalRequired() && settings.stages.isEmpty()) {
      throw new RuleViolation(names.stages(), names.required(settings) + " is true, but '" + names.stages()
          + "' is empty: a policy that requires approval needs at least one approval stage.");
    }
    if (mode != null) {
      mode.check(settings, names);
    }
    return settings;
  }

  /** The names of the approval switches and the stage list in the shape the client sent. */
  public record Spelling(String forAdd, String forUpdate, String stages) {
    public static final Spelling V1 = new Spelling("requestApprovalSettings.isApprovalRequiredForAdd",
        "requestApprovalSettings.isApprovalRequiredForUpdate", "requestApprovalSettings.stages");
    public static final Spelling BETA = new Spelling("requestApprovalSettings.isApprovalRequired",
        "requestApprovalSettings.isApprovalRequiredForExtension", "requestApprovalSettings.approvalStages");
    /** A v1.0 body carrying beta's approvalStages, as the v1.0 PowerShell cmdlet of seed 002 sends it. */
    public static final Spelling V1_WITH_BETA_STAGES = new Spelling(V1.forAdd(), V1.forUpdate(), BETA.stages());

    /** The switch that asks for approval, quoted; the add switch when both do. */
    String required(ApprovalSettings settings) {
      return "'" + (settings.isApprovalRequiredForAdd() ? forAdd : forUpdate) + "'";
    }
  }
}
