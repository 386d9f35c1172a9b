package org.quartermaster.policy.policies.domain;

import org.quartermaster.policy.common.domain.NotSupported;

/**
 * The parts of requestApprovalSettings a policy may carry today. Approval stages arrive with the approvals issue;
 * until then a policy that needs approval is refused openly rather than stored and silently not enforced.
 */
public record ApprovalRequirements(boolean isApprovalRequiredForAdd, boolean isApprovalRequiredForUpdate,
    boolean isRequestorJustificationRequired) {

  static final String CLAUSE = "requestApprovalSettings";

  public static ApprovalRequirements none() {
    return new ApprovalRequirements(false, false, false);
  }

  /**
   * @param stages how many approval stages the request named
   * @param names how the client spelled the three settings and the stage list, for the refusal
   */
  public static ApprovalRequirements of(Boolean forAdd, Boolean forUpdate, Boolean justification, int stages,
      Spelling names) {
    if (Boolean.TRUE.equals(forAdd) || Boolean.TRUE.equals(forUpdate) || stages > 0) {
      throw new NotSupported(CLAUSE, "Property 'requestApprovalSettings' asks for approval (" + names.forAdd() + "="
          + Boolean.TRUE.equals(forAdd) + ", " + names.forUpdate() + "=" + Boolean.TRUE.equals(forUpdate) + ", "
          + names.stages() + "=" + stages + "), which is not supported yet: approval stages arrive with the approvals "
          + "feature. Set both to false and send no stages; isRequestorJustificationRequired is honoured.");
    }
    return new ApprovalRequirements(false, false, Boolean.TRUE.equals(justification));
  }

  /** The v1.0 and the beta names of the approval switches. */
  public record Spelling(String forAdd, String forUpdate, String stages) {
    public static final Spelling V1 = new Spelling("isApprovalRequiredForAdd", "isApprovalRequiredForUpdate", "stages");
    public static final Spelling BETA = new Spelling("isApprovalRequired", "isApprovalRequiredForExtension",
        "approvalStages");
  }
}
