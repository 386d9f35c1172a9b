package org.quartermaster.provisioning.assignments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.provisioning.common.domain.Conflict;

/** The assignment's state machine: delivered exactly when every role is held, ended only once every role is revoked. */
class AssignmentTest {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final UUID TARGET = UUID.randomUUID();
  static final RoleDefinition MEMBER = role("Member_" + UUID.randomUUID());
  static final RoleDefinition OWNER = role("Owner_" + UUID.randomUUID());

  static RoleDefinition role(String originId) {
    return new RoleDefinition(UUID.randomUUID() + "_" + UUID.randomUUID(), originId, originId.substring(originId.indexOf('_') + 1),
        "AadGroup");
  }

  static AssignmentRequest add(ExpirationPattern expiration) {
    return new AssignmentRequest(UUID.randomUUID(), RequestType.USER_ADD, UUID.randomUUID(), UUID.randomUUID(),
        UUID.randomUUID(), TARGET, null, null, expiration);
  }

  static Assignment delivering() {
    return Assignment.create(UUID.randomUUID(), add(ExpirationPattern.NOT_SPECIFIED), List.of(MEMBER, OWNER), null, NOW).state();
  }

  static Assignment delivered() {
    Assignment assignment = delivering();
    return assignment.roleGranted(MEMBER.roleScopeId(), NOW).state().roleGranted(OWNER.roleScopeId(), NOW).state();
  }

  static List<String> names(Change<Assignment, AssignmentEvent> change) {
    return change.events().stream().map(event -> event.getClass().getSimpleName()).toList();
  }

  @Test
  void aNewAssignmentIsDeliveringWithEveryRolePending() {
    Change<Assignment, AssignmentEvent> created = Assignment.create(UUID.randomUUID(), add(null), List.of(MEMBER, OWNER), null, NOW);
    assertThat(created.state().state()).isEqualTo(AssignmentState.DELIVERING);
    assertThat(created.state().status()).isEqualTo("Delivering");
    assertThat(created.state().roles()).extracting(AssignedRole::status).containsOnly(RoleStatus.PENDING_FULFILLMENT);
    assertThat(names(created)).containsExactly("Created");
  }

  @Test
  void itIsDeliveredWhenTheLastRoleIsGranted() {
    Assignment assignment = delivering();
    Change<Assignment, AssignmentEvent> first = assignment.roleGranted(MEMBER.roleScopeId(), NOW);
    assertThat(first.state().state()).isEqualTo(AssignmentState.DELIVERING);
    assertThat(names(first)).containsExactly("RoleGranted");
    Change<Assignment, AssignmentEvent> last = first.state().roleGranted(OWNER.roleScopeId(), NOW);
    assertThat(last.state().state()).isEqualTo(AssignmentState.DELIVERED);
    assertThat(last.state().status()).isEqualTo("Delivered");
    assertThat(names(last)).containsExactly("RoleGranted", "Granted");
    // A repeated confirmation changes nothing and says nothing.
    assertThat(last.state().roleGranted(OWNER.roleScopeId(), NOW).events()).isEmpty();
  }

  @Test
  void aPackageWithoutRolesIsDeliveredAtOnce() {
    Change<Assignment, AssignmentEvent> created = Assignment.create(UUID.randomUUID(), add(null), List.of(), null, NOW);
    assertThat(created.state().state()).isEqualTo(AssignmentState.DELIVERED);
    assertThat(names(created)).containsExactly("Created", "Granted");
  }

  @Test
  void aPermanentFailureFailsDeliveryNamingTheRoleAndTheCause() {
    Change<Assignment, AssignmentEvent> failed = delivering().roleFailed(MEMBER.roleScopeId(), "the group does not exist", NOW);
    assertThat(failed.state().state()).isEqualTo(AssignmentState.DELIVERY_FAILED);
    AssignmentEvent.DeliveryFailed event = (AssignmentEvent.DeliveryFailed) failed.events().get(0);
    assertThat(event.reason()).contains(MEMBER.roleOriginId()).contains("the group does not exist");
    assertThat(failed.state().role(MEMBER.roleScopeId()).orElseThrow().status()).isEqualTo(RoleStatus.FAILED);
    // The other role may still arrive; the assignment stays failed until reprocessed.
    Change<Assignment, AssignmentEvent> other = failed.state().roleGranted(OWNER.roleScopeId(), NOW);
    assertThat(other.state().state()).isEqualTo(AssignmentState.DELIVERY_FAILED);
    assertThat(names(other)).containsExactly("RoleGranted");
  }

  @Test
  void reprocessingRetriesOnlyTheFailedRolesAndThenDelivers() {
    Assignment failed = delivering().roleGranted(OWNER.roleScopeId(), NOW).state()
        .roleFailed(MEMBER.roleScopeId(), "down", NOW).state();
    Assignment.Reprocessing reprocessing = failed.reprocess(null, NOW);
    assertThat(reprocessing.assignment().state()).isEqualTo(AssignmentState.DELIVERING);
    assertThat(reprocessing.assignment().failureReason()).isNull();
    assertThat(reprocessing.toGrant()).extracting(AssignedRole::roleScopeId).containsExactly(MEMBER.roleScopeId());
    assertThat(reprocessing.reassert()).isFalse();
    Change<Assignment, AssignmentEvent> granted = reprocessing.assignment().roleGranted(MEMBER.roleScopeId(), NOW);
    assertThat(granted.state().state()).isEqualTo(AssignmentState.DELIVERED);
    assertThat(names(granted)).containsExactly("RoleGranted", "Granted");
  }

  @Test
  void reprocessingADeliveredAssignmentReEnforcesEveryRole() {
    Assignment.Reprocessing reprocessing = delivered().reprocess(null, NOW);
    assertThat(reprocessing.assignment().state()).isEqualTo(AssignmentState.DELIVERED);
    assertThat(reprocessing.toGrant()).hasSize(2);
    assertThat(reprocessing.reassert()).isTrue();
  }

  @Test
  void removalRevokesEveryRoleBeforeTheAssignmentEnds() {
    Assignment assignment = delivered();
    UUID removal = UUID.randomUUID();
    // Another assignment still grants OWNER: it is released without a call; MEMBER waits for its system.
    Change<Assignment, AssignmentEvent> ending = assignment.end(Ending.REMOVAL, removal, Set.of(OWNER.roleScopeId()), NOW);
    assertThat(ending.state().state()).isEqualTo(AssignmentState.DELIVERED);
    assertThat(ending.state().ending()).isEqualTo(Ending.REMOVAL);
    assertThat(ending.state().isLive()).isFalse();
    assertThat(names(ending)).containsExactly("RoleRevoked");
    assertThat(ending.state().rolesToRelease()).extracting(AssignedRole::roleScopeId).containsExactly(MEMBER.roleScopeId());

    Instant later = NOW.plusSeconds(5);
    Change<Assignment, AssignmentEvent> ended = ending.state().roleRevoked(MEMBER.roleScopeId(), later);
    assertThat(names(ended)).containsExactly("RoleRevoked", "Removed");
    assertThat(ended.state().state()).isEqualTo(AssignmentState.EXPIRED);
    assertThat(ended.state().status()).isEqualTo("Expired");
    assertThat(ended.state().expiredDateTime()).isEqualTo(later);
    assertThat(ended.state().requestId()).isEqualTo(removal);
    assertThat(ended.state().roles()).extracting(AssignedRole::status).containsOnly(RoleStatus.REMOVED);
  }

  @Test
  void anExpiryWhoseRolesNeedNoCallEndsAtOnce() {
    Change<Assignment, AssignmentEvent> expired = delivered().end(Ending.EXPIRY, null,
        Set.of(MEMBER.roleScopeId(), OWNER.roleScopeId()), NOW);
    assertThat(names(expired)).containsExactly("RoleRevoked", "RoleRevoked", "Expired");
    assertThat(expired.state().state()).isEqualTo(AssignmentState.EXPIRED);
  }

  @Test
  void anEndingAssignmentIgnoresLateGrantsAndCannotBeReprocessedOrEndedTwice() {
    Assignment ending = delivering().end(Ending.REMOVAL, UUID.randomUUID(), Set.of(), NOW).state();
    assertThat(ending.roleGranted(MEMBER.roleScopeId(), NOW).events()).isEmpty();
    assertThat(ending.roleFailed(MEMBER.roleScopeId(), "x", NOW).events()).isEmpty();
    assertThat(ending.end(Ending.EXPIRY, null, Set.of(), NOW).events()).isEmpty();
    assertThatThrownBy(() -> ending.reprocess(null, NOW)).isInstanceOf(Conflict.class).hasMessageContaining("being removed");
  }

  @Test
  void aRemoveOfAnEndedAssignmentIsAnsweredForItsRequest() {
    Assignment ended = delivered().end(Ending.EXPIRY, null, Set.of(MEMBER.roleScopeId(), OWNER.roleScopeId()), NOW).state();
    UUID removal = UUID.randomUUID();
    Change<Assignment, AssignmentEvent> answer = ended.alreadyEnded(removal);
    assertThat(answer.state()).isEqualTo(ended);
    assertThat(answer.events()).singleElement().satisfies(event -> {
      assertThat(event).isInstanceOf(AssignmentEvent.Removed.class);
      assertThat(event.assignment().requestId()).isEqualTo(removal);
    });
  }

  @Test
  void anUpdateReschedulesADeliveredAssignmentAndRefusesOthers() {
    Assignment delivered = delivered();
    AssignmentRequest extend = new AssignmentRequest(UUID.randomUUID(), RequestType.ADMIN_UPDATE, delivered.accessPackageId(),
        null, null, TARGET, delivered.id(), null, ExpirationPattern.afterDuration("P90D"));
    Instant later = NOW.plus(Duration.ofDays(10));
    Change<Assignment, AssignmentEvent> updated = delivered.reschedule(extend, null, later);
    assertThat(updated.state().schedule().expiresAt()).isEqualTo(later.plus(Duration.ofDays(90)));
    assertThat(updated.state().schedule().startDateTime()).isEqualTo(NOW);
    assertThat(names(updated)).containsExactly("Granted");
    assertThat(updated.events().get(0).assignment().requestId()).isEqualTo(extend.requestId());

    Assignment delivering = delivering();
    Change<Assignment, AssignmentEvent> refused = delivering.reschedule(extend, null, later);
    assertThat(refused.state()).isEqualTo(delivering);
    assertThat(((AssignmentEvent.DeliveryFailed) refused.events().get(0)).reason()).contains("only a delivered assignment");

    AssignmentRequest nonsense = new AssignmentRequest(UUID.randomUUID(), RequestType.ADMIN_UPDATE, delivered.accessPackageId(),
        null, null, TARGET, delivered.id(), null, ExpirationPattern.afterDuration("thirty days"));
    assertThat(delivered.reschedule(nonsense, null, later).state()).isEqualTo(delivered);
  }

  @Test
  void anUnusableScheduleGivesAFailedAssignmentThatHoldsNothing() {
    AssignmentRequest request = add(ExpirationPattern.afterDuration("forever"));
    assertThatThrownBy(() -> Assignment.create(UUID.randomUUID(), request, List.of(MEMBER), null, NOW))
        .isInstanceOf(RuleViolation.class);
    Change<Assignment, AssignmentEvent> refused = Assignment.refuse(UUID.randomUUID(), request,
        new RuleViolation("expiration/duration", "bad duration"), NOW);
    assertThat(refused.state().state()).isEqualTo(AssignmentState.DELIVERY_FAILED);
    assertThat(refused.state().roles()).isEmpty();
    assertThat(names(refused)).containsExactly("Created", "DeliveryFailed");
  }

  @Test
  void aRoleAddedToThePackageMakesADeliveredAssignmentDeliverAgain() {
    RoleDefinition extra = role("Member_" + UUID.randomUUID());
    Assignment grown = delivered().addRole(extra, NOW);
    assertThat(grown.state()).isEqualTo(AssignmentState.DELIVERING);
    assertThat(grown.addRole(extra, NOW)).isEqualTo(grown);
    assertThat(names(grown.roleGranted(extra.roleScopeId(), NOW))).containsExactly("RoleGranted", "Granted");
  }

  @Test
  void dropppingTheLastPendingRoleDelivers() {
    Assignment waiting = delivering().roleGranted(OWNER.roleScopeId(), NOW).state();
    Change<Assignment, AssignmentEvent> dropped = waiting.dropRole(MEMBER.roleScopeId(), NOW);
    assertThat(dropped.state().roles()).extracting(AssignedRole::roleScopeId).containsExactly(OWNER.roleScopeId());
    assertThat(names(dropped)).containsExactly("RoleRevoked", "Granted");
    assertThat(dropped.state().state()).isEqualTo(AssignmentState.DELIVERED);
  }
}
