package org.quartermaster.provisioning.assignments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.provisioning.assignments.domain.AssignmentTest.MEMBER;
import static org.quartermaster.provisioning.assignments.domain.AssignmentTest.NOW;
import static org.quartermaster.provisioning.assignments.domain.AssignmentTest.OWNER;
import static org.quartermaster.provisioning.assignments.domain.AssignmentTest.delivered;
import static org.quartermaster.provisioning.assignments.domain.AssignmentTest.delivering;
import static org.quartermaster.provisioning.assignments.domain.AssignmentTest.names;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.provisioning.assignments.domain.Cancellation.Outcome;

/** A canceled request takes back the assignment its add created, and nothing a remove or an update already did. */
class CancellationTest {

  static Cancellation canceled(Assignment created) {
    return new Cancellation(created.requestId(), RequestType.USER_ADD);
  }

  @Test
  void aRequestProvisioningNeverAppliedOnlyNeedsRemembering() {
    for (RequestType type : RequestType.values()) {
      assertThat(new Cancellation(UUID.randomUUID(), type).outcomeFor(null)).isEqualTo(Outcome.NOTHING_APPLIED);
    }
  }

  @Test
  void aCanceledAddWithdrawsItsAssignmentAsARemovalNamingTheCanceledRequest() {
    // The cancel overtook delivery: one role is already in the directory, the other still waits for its grant.
    Assignment created = delivering().roleGranted(MEMBER.roleScopeId(), NOW).state();
    Cancellation cancellation = canceled(created);
    assertThat(cancellation.outcomeFor(created)).isEqualTo(Outcome.WITHDRAW_ASSIGNMENT);

    Change<Assignment, AssignmentEvent> withdrawing = cancellation.withdraw(created, Set.of(), NOW);
    assertThat(withdrawing.state().ending()).isEqualTo(Ending.REMOVAL);
    assertThat(withdrawing.state().isLive()).isFalse();
    assertThat(withdrawing.state().rolesToRelease()).extracting(AssignedRole::roleScopeId)
        .containsExactly(MEMBER.roleScopeId(), OWNER.roleScopeId());
    // A late grant confirmation changes nothing now; the revocations end it.
    assertThat(withdrawing.state().roleGranted(OWNER.roleScopeId(), NOW).events()).isEmpty();

    Instant later = NOW.plusSeconds(2);
    Change<Assignment, AssignmentEvent> first = withdrawing.state().roleRevoked(MEMBER.roleScopeId(), later);
    Change<Assignment, AssignmentEvent> last = first.state().roleRevoked(OWNER.roleScopeId(), later);
    assertThat(names(first)).containsExactly("RoleRevoked");
    assertThat(names(last)).containsExactly("RoleRevoked", "Removed");
    Assignment removed = last.state();
    assertThat(removed.state()).isEqualTo(AssignmentState.EXPIRED);
    assertThat(removed.status()).isEqualTo("Expired");
    assertThat(removed.expiredDateTime()).isEqualTo(later);
    assertThat(removed.requestId()).isEqualTo(cancellation.requestId());
    assertThat(removed.roles()).extracting(AssignedRole::status).containsOnly(RoleStatus.REMOVED);
  }

  @Test
  void rolesAnotherGrantStillHoldsAreReleasedAtOnceAndMayEndItImmediately() {
    Assignment created = delivered();
    Change<Assignment, AssignmentEvent> withdrawn = canceled(created)
        .withdraw(created, Set.of(MEMBER.roleScopeId(), OWNER.roleScopeId()), NOW);
    assertThat(names(withdrawn)).containsExactly("RoleRevoked", "RoleRevoked", "Removed");
    assertThat(withdrawn.events().get(2).assignment().requestId()).isEqualTo(created.requestId());
  }

  @Test
  void aFailedDeliveryIsWithdrawnTooSoWhateverItGrantedGoes() {
    Assignment failed = delivering().roleGranted(OWNER.roleScopeId(), NOW).state()
        .roleFailed(MEMBER.roleScopeId(), "gone", NOW).state();
    assertThat(failed.state()).isEqualTo(AssignmentState.DELIVERY_FAILED);
    assertThat(canceled(failed).outcomeFor(failed)).isEqualTo(Outcome.WITHDRAW_ASSIGNMENT);
    assertThat(canceled(failed).withdraw(failed, Set.of(), NOW).state().ending()).isEqualTo(Ending.REMOVAL);
  }

  @Test
  void anAssignmentAlreadyEndingOrEndedIsLeftToFinishAsItWas() {
    Assignment created = delivered();
    Cancellation cancellation = canceled(created);
    Assignment withdrawing = cancellation.withdraw(created, Set.of(), NOW).state();
    // The same cancel applied again (another copy of the event) finds nothing left to do.
    assertThat(cancellation.outcomeFor(withdrawing)).isEqualTo(Outcome.ALREADY_ENDING);
    assertThat(cancellation.withdraw(withdrawing, Set.of(), NOW).events()).isEmpty();
    assertThat(cancellation.withdraw(withdrawing, Set.of(), NOW).state()).isEqualTo(withdrawing);

    Assignment expired = created.end(Ending.EXPIRY, null, Set.of(MEMBER.roleScopeId(), OWNER.roleScopeId()), NOW).state();
    assertThat(cancellation.outcomeFor(expired)).isEqualTo(Outcome.ALREADY_ENDING);
    assertThat(cancellation.withdraw(expired, Set.of(), NOW).events()).isEmpty();
  }

  @Test
  void aRemoveOrAnUpdateAlreadyAppliedStands() {
    Assignment acted = delivered();
    for (RequestType type : new RequestType[] {RequestType.ADMIN_REMOVE, RequestType.USER_REMOVE, RequestType.ADMIN_UPDATE}) {
      Cancellation cancellation = new Cancellation(UUID.randomUUID(), type);
      assertThat(cancellation.outcomeFor(acted)).isEqualTo(Outcome.APPLIED_CHANGE_STANDS);
      assertThat(cancellation.withdraw(acted, Set.of(), NOW).events()).isEmpty();
    }
  }
}
