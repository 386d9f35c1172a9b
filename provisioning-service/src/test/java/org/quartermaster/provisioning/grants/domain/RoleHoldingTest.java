package org.quartermaster.provisioning.grants.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reference counting: a membership goes with its last Quartermaster grant, and never if it predates Quartermaster. */
class RoleHoldingTest {

  @Test
  void onlyTheLastReleaseRevokes() {
    RoleHolding two = RoleHolding.NONE.acquire(false).acquire(false);
    assertThat(two.holders()).isEqualTo(2);
    RoleHolding.Release first = two.release();
    assertThat(first.revokeInTargetSystem()).isFalse();
    assertThat(first.after().holders()).isEqualTo(1);
    RoleHolding.Release last = first.after().release();
    assertThat(last.revokeInTargetSystem()).isTrue();
    assertThat(last.after()).isEqualTo(RoleHolding.NONE);
  }

  @Test
  void aRoleHeldBeforeTheFirstGrantIsNeverRevoked() {
    assertThat(RoleHolding.NONE.needsPreExistenceCheck()).isTrue();
    RoleHolding held = RoleHolding.NONE.acquire(true);
    assertThat(held.preExisting()).isTrue();
    RoleHolding.Release release = held.release();
    assertThat(release.revokeInTargetSystem()).isFalse();
    // Once nobody holds it through Quartermaster, the role is not tracked any more.
    assertThat(release.after()).isEqualTo(RoleHolding.NONE);
  }

  @Test
  void onlyTheFirstGrantAsksWhetherTheTargetAlreadyHoldsTheRole() {
    RoleHolding ours = RoleHolding.NONE.acquire(false);
    assertThat(ours.needsPreExistenceCheck()).isFalse();
    // Later, the membership the directory shows is Quartermaster's own, so it does not count as pre-existing.
    RoleHolding second = ours.acquire(true);
    assertThat(second.preExisting()).isFalse();
    assertThat(second.release().after().release().revokeInTargetSystem()).isTrue();
  }
}
