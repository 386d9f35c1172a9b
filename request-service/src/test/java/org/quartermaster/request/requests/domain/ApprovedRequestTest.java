package org.quartermaster.request.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.request.approvals.domain.ResolvedApprovers;
import org.quartermaster.request.approvals.domain.ReviewResult;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.common.domain.NotSupported;
import org.quartermaster.request.policies.domain.AllowedTarget;
import org.quartermaster.request.policies.domain.ApprovalStage;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.quartermaster.request.policies.domain.RequestorRules;

/** A request that waits for approval: what submission, decisions, release and time do to its state and events. */
class ApprovedRequestTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final UUID REQUESTOR = UUID.randomUUID();
  static final UUID APPROVER = UUID.randomUUID();

  static AssignmentPolicy policy(List<ApprovalStage> stages) {
    return new AssignmentPolicy(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Finance", "allDirectoryUsers",
        List.<AllowedTarget>of(), new RequestorRules(true, false, true, false), Expiration.NOT_SPECIFIED, true, false,
        false, List.of(), stages);
  }

  static ApprovalStage stage() {
    return new ApprovalStage(Duration.ofMinutes(15), false, true, Duration.ofMinutes(5), List.of(), List.of(), List.of(),
        List.of(), 1);
  }

  static ValidSubmission add(RequestSchedule schedule) {
    return new ValidSubmission(RequestType.USER_ADD, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), REQUESTOR,
        null, "please", List.of(), schedule);
  }

  static Change<AssignmentRequest, RequestEvent> submitted(RequestSchedule schedule) {
    return AssignmentRequest.submitForApproval(UUID.randomUUID(), add(schedule), REQUESTOR, policy(List.of(stage())),
        new ResolvedApprovers(List.of(APPROVER), List.of()), NOW);
  }

  static List<String> names(Change<AssignmentRequest, RequestEvent> change) {
    return change.events().stream().map(event -> event.getClass().getSimpleName()).toList();
  }

  @Test
  void onlyAUsersOwnAddOrUpdateWaitsForApproval() {
    AssignmentPolicy both = new AssignmentPolicy(UUID.randomUUID(), UUID.randomUUID(), null, "Finance", "allDirectoryUsers",
        List.of(), new RequestorRules(true, true, true, false), Expiration.NOT_SPECIFIED, true, true, false, List.of(),
        List.of(stage()));
    assertThat(AssignmentRequest.needsApproval(RequestType.USER_ADD, both)).isTrue();
    assertThat(AssignmentRequest.needsApproval(RequestType.USER_UPDATE, both)).isTrue();
    assertThat(List.of(RequestType.ADMIN_ADD, RequestType.ADMIN_UPDATE, RequestType.ADMIN_REMOVE, RequestType.USER_REMOVE))
        .noneMatch(type -> AssignmentRequest.needsApproval(type, both));
  }

  @Test
  void submissionWaitsInPendingApprovalWithItsFirstStageStartedAndNoDelivery() {
    Change<AssignmentRequest, RequestEvent> change = submitted(RequestSchedule.NONE);

    assertThat(change.state().state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(change.state().status()).isEqualTo("PendingApproval");
    assertThat(names(change)).containsExactly("Created", "StageStarted");
    assertThat(change.state().currentApprovers()).containsExactly(APPROVER);
    assertThat(change.state().approvalDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    change.events().forEach(event -> assertThat(event.request()).isEqualTo(change.state()));
  }

  @Test
  void aPolicyRequiringApprovalWithoutStagesIsRefusedAndNobodyToAskDenies() {
    assertThatThrownBy(() -> AssignmentRequest.submitForApproval(UUID.randomUUID(), add(RequestSchedule.NONE), REQUESTOR,
        policy(List.of()), ResolvedApprovers.NONE, NOW)).isInstanceOf(NotSupported.class)
        .hasMessageContaining("defines no approval stages");

    Change<AssignmentRequest, RequestEvent> nobody = AssignmentRequest.submitForApproval(UUID.randomUUID(),
        add(RequestSchedule.NONE), REQUESTOR, policy(List.of(stage())), new ResolvedApprovers(List.of(REQUESTOR),
            List.of()), NOW);
    assertThat(nobody.state().state()).isEqualTo(RequestState.DENIED);
    assertThat(nobody.state().completedDateTime()).isEqualTo(NOW);
    assertThat(nobody.state().failureReason()).startsWith("Nobody can approve stage 1 of policy 'Finance'");
    assertThat(names(nobody)).containsExactly("Created", "Denied");
    assertThat(nobody.state().approvalDeadline()).isNull();
  }

  @Test
  void theLastApprovalReleasesTheRequestToDeliveryOrSchedulesIt() {
    AssignmentRequest pending = submitted(RequestSchedule.NONE).state();
    UUID stage = pending.approval().stages().get(0).id();

    Change<AssignmentRequest, RequestEvent> decided = pending.decide(stage, APPROVER, ReviewResult.APPROVE, null,
        ResolvedApprovers.NONE, NOW.plusSeconds(60));
    assertThat(names(decided)).containsExactly("StageApproved");
    assertThat(decided.state().readyForDelivery()).isTrue();
    Change<AssignmentRequest, RequestEvent> released = decided.state().release(Optional.empty(), NOW.plusSeconds(60));
    assertThat(released.state().state()).isEqualTo(RequestState.DELIVERING);
    assertThat(names(released)).containsExactly("Approved", "DeliveryRequested");
    assertThat(released.state().currentApprovers()).isEmpty();

    AssignmentRequest later = submitted(new RequestSchedule(NOW.plus(Duration.ofDays(2)), Expiration.NOT_SPECIFIED))
        .state();
    AssignmentRequest approved = later.decide(later.approval().stages().get(0).id(), APPROVER, ReviewResult.APPROVE, null,
        ResolvedApprovers.NONE, NOW).state();
    assertThat(approved.release(Optional.empty(), NOW).state().state()).isEqualTo(RequestState.SCHEDULED);
  }

  @Test
  void separationOfDutiesHasTheLastWordBeforeDelivery() {
    AssignmentRequest pending = submitted(RequestSchedule.NONE).state();
    AssignmentRequest approved = pending.decide(pending.approval().stages().get(0).id(), APPROVER, ReviewResult.APPROVE,
        null, ResolvedApprovers.NONE, NOW).state();

    Change<AssignmentRequest, RequestEvent> refused = approved.release(Optional.of("incompatible with 'Payments'"), NOW);

    assertThat(refused.state().state()).isEqualTo(RequestState.DENIED);
    assertThat(refused.state().failureReason()).isEqualTo("incompatible with 'Payments'");
    assertThat(names(refused)).containsExactly("Denied");
    assertThatThrownBy(() -> pending.release(Optional.empty(), NOW)).isInstanceOf(IllegalTransition.class);
  }

  @Test
  void timeEscalatesThenTimesOutAndACanceledRequestHasNoTimerLeft() {
    AssignmentRequest pending = submitted(RequestSchedule.NONE).state();

    assertThat(pending.tick(NOW.plus(Duration.ofMinutes(4)), ResolvedApprovers.NONE).events()).isEmpty();
    Change<AssignmentRequest, RequestEvent> escalated = pending.tick(NOW.plus(Duration.ofMinutes(5)),
        new ResolvedApprovers(List.of(UUID.randomUUID()), List.of()));
    assertThat(names(escalated)).containsExactly("StageEscalated");
    assertThat(escalated.state().status()).isEqualTo("PendingApprovalEscalated");
    assertThat(escalated.state().betaStatus()).isEqualTo("PendingApprovalEscalated");
    assertThat(escalated.state().currentApprovers()).hasSize(2);
    assertThat(escalated.state().approvalDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));

    Change<AssignmentRequest, RequestEvent> timedOut = escalated.state().tick(NOW.plus(Duration.ofMinutes(15)),
        ResolvedApprovers.NONE);
    assertThat(names(timedOut)).containsExactly("TimedOut");
    assertThat(timedOut.state().state()).isEqualTo(RequestState.DENIED);
    assertThat(timedOut.state().status()).isEqualTo("Denied");
    assertThat(timedOut.state().approvalDeadline()).isNull();

    AssignmentRequest canceled = pending.apply(Trigger.CANCEL, NOW, null).state();
    assertThat(canceled.approvalDeadline()).isNull();
    assertThat(canceled.currentApprovers()).isEmpty();
    assertThat(canceled.tick(NOW.plus(Duration.ofHours(1)), ResolvedApprovers.NONE).events()).isEmpty();
    assertThatThrownBy(() -> canceled.decide(canceled.approval().stages().get(0).id(), APPROVER, ReviewResult.APPROVE,
        null, ResolvedApprovers.NONE, NOW)).isInstanceOf(Conflict.class).hasMessageContaining("is canceled");
  }
}
