package org.quartermaster.provisioning.grants.domain;

/**
 * Who holds one role for one target, as far as Quartermaster knows: how many live assignments grant it and whether
 * the target already held it before Quartermaster's first grant. A target system has no reference counts (a group
 * membership exists or not), so Quartermaster keeps them and decides here when a membership really goes.
 *
 * @param holders live assignments granting the role to the target
 * @param preExisting the target held the role before Quartermaster granted it; Quartermaster never takes it away
 */
public record RoleHolding(int holders, boolean preExisting) {

  public static final RoleHolding NONE = new RoleHolding(0, false);

  /**
   * One more assignment grants the role. Whether the target already held it is only asked at the first grant:
   * later, the membership seen in the directory is Quartermaster's own.
   *
   * @param heldInTargetSystem whether the target system shows the target holding the role, not by Quartermaster's hand
   */
  public RoleHolding acquire(boolean heldInTargetSystem) {
    return new RoleHolding(holders + 1, holders == 0 ? heldInTargetSystem : preExisting);
  }

  /** Whether acquiring needs to know if the target already holds the role. */
  public boolean needsPreExistenceCheck() {
    return holders == 0;
  }

  /** One assignment stops granting the role. */
  public Release release() {
    int remaining = Math.max(0, holders - 1);
    if (remaining > 0) {
      return new Release(new RoleHolding(remaining, preExisting), false);
    }
    // The last holder is gone: a membership that predates Quartermaster stays, and stops being tracked.
    return new Release(NONE, !preExisting);
  }

  /**
   * @param revokeInTargetSystem whether the target system must now take the role away
   */
  public record Release(RoleHolding after, boolean revokeInTargetSystem) {
  }
}
