package org.quartermaster.request.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.common.domain.ExpirationType;

class AssignmentRequestTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final UUID TARGET = UUID.randomUUID();

  static ValidSubmission add(RequestSchedule schedule) {
    return new ValidSubmission(RequestType.USER_ADD, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), TARGET, null,
        "campaign", List.of(), schedule);
  }

  static AssignmentRequest removal() {
    return new AssignmentRequest(UUID.randomUUID(), RequestType.ADMIN_REMOVE, RequestState.SUBMITTED, UUID.randomUUID(), null,
        UUID.randomUUID(), TARGET, UUID.randomUUID(), UUID.randomUUID(), null, RequestSchedule.NONE, List.of(), NOW, null, null);
  }

  @Test
  void submittingStoresASubmittedRequestAndAsksForDeliveryAtOnce() {
    Change<AssignmentRequest, RequestEvent> change = AssignmentRequest.submit(UUID.randomUUID(), add(RequestSchedule.NONE),
        TARGET, NOW);

    assertThat(change.state().state()).isEqualTo(RequestState.SUBMITTED);
    assertThat(change.state().status()).isEqualTo("Accepted");
    assertThat(change.state().createdDateTime()).isEqualTo(NOW);
    assertThat(change.state().requestorId()).isEqualTo(TARGET);
    assertThat(change.events()).hasSize(2);
    assertThat(change.events().get(0)).isInstanceOf(RequestEvent.Created.class);
    assertThat(change.events().get(1)).isInstanceOf(RequestEvent.DeliveryRequested.class);
    assertThat(change.events()).allSatisfy(event -> assertThat(event.request()).isEqualTo(change.state()));
  }

  @Test
  void aRequestStartingLaterIsScheduledUntilDeliveryStarts() {
    RequestSchedule later = new RequestSchedule(NOW.plus(Duration.ofDays(3)),
        new Expiration(ExpirationType.AFTER_DURATION, "P7D", null));
    Change<AssignmentRequest, RequestEvent> change = AssignmentRequest.submit(UUID.randomUUID(), add(later), TARGET, NOW);

    assertThat(change.state().state()).isEqualTo(RequestState.SCHEDULED);
    assertThat(change.state().status()).isEqualTo("PendingNotBefore");
    assertThat(change.events().get(0).request().state()).isEqualTo(RequestState.SUBMITTED);
    assertThat(change.events().get(1).request().state()).isEqualTo(RequestState.SCHEDULED);
  }

  @Test
  void provisioningsOutcomesMoveAnAdd() {
    AssignmentRequest request = AssignmentRequest.submit(UUID.randomUUID(), add(RequestSchedule.NONE), TARGET, NOW).state();
    UUID assignment = UUID.randomUUID();

    AssignmentRequest delivering = request.record(AssignmentOutcome.CREATED, assignment, null, NOW).state();
    assertThat(delivering.state()).isEqualTo(RequestState.DELIVERING);
    assertThat(delivering.assignmentId()).isEqualTo(assignment);

    Change<AssignmentRequest, RequestEvent> delivered = delivering.record(AssignmentOutcome.GRANTED, assignment, null, NOW);
    assertThat(delivered.state().state()).isEqualTo(RequestState.DELIVERED);
    assertThat(delivered.events()).singleElement().isInstanceOf(RequestEvent.Delivered.class);
    // An assignment removed later (by another request) does not concern this one.
    assertThat(delivered.state().record(AssignmentOutcome.REMOVED, assignment, null, NOW).state()).isEqualTo(delivered.state());
  }

  @Test
  void aRemovalIsDeliveredWhenTheAssignmentIsRemovedNotWhenItIsGranted() {
    AssignmentRequest removal = removal();

    assertThat(removal.record(AssignmentOutcome.GRANTED, removal.assignmentId(), null, NOW).state()).isEqualTo(removal);
    Change<AssignmentRequest, RequestEvent> removed = removal.record(AssignmentOutcome.REMOVED, removal.assignmentId(), null, NOW);
    assertThat(removed.state().state()).isEqualTo(RequestState.DELIVERED);
    assertThat(removed.state().completedDateTime()).isEqualTo(NOW);
    assertThat(removed.events()).singleElement().isInstanceOf(RequestEvent.Delivered.class);
  }

  @Test
  void aPartialFailureLeavesTheRequestPartiallyDeliveredWithTheReason() {
    AssignmentRequest delivering = removal().apply(Trigger.DELIVERY_STARTED, NOW, null).state();

    Change<AssignmentRequest, RequestEvent> partial = delivering.record(AssignmentOutcome.PARTIALLY_FAILED, null, "Owner role failed.", NOW);

    assertThat(partial.state().state()).isEqualTo(RequestState.PARTIALLY_DELIVERED);
    assertThat(partial.state().failureReason()).isEqualTo("Owner role failed.");
    assertThat(partial.events()).singleElement().isInstanceOf(RequestEvent.Failed.class);
  }

  @Test
  void reprocessingIsRefusedMoreThanFourteenDaysAfterCompletion() {
    AssignmentRequest failed = removal().apply(Trigger.DELIVERY_FAILED, NOW, "Group is gone.").state();

    assertThat(failed.apply(Trigger.REPROCESS, NOW.plus(Duration.ofDays(14)), null).state().state())
        .isEqualTo(RequestState.DELIVERING);
    assertThatThrownBy(() -> failed.apply(Trigger.REPROCESS, NOW.plus(Duration.ofDays(14)).plusSeconds(1), null))
        .isInstanceOf(Conflict.class).hasMessageContaining("more than 14 days ago");
  }

  @Test
  void reprocessingAsksForDeliveryAgain() {
    AssignmentRequest failed = removal().apply(Trigger.DELIVERY_FAILED, NOW, "Group is gone.").state();

    Change<AssignmentRequest, RequestEvent> retried = failed.apply(Trigger.REPROCESS, NOW, null);

    assertThat(retried.events()).singleElement().isInstanceOf(RequestEvent.DeliveryRequested.class);
    assertThat(retried.events().get(0).request().state()).isEqualTo(RequestState.DELIVERING);
  }

  @Test
  void betasUserExtendIsAUserUpdate() {
    assertThat(RequestType.parse("UserExtend", "requestType")).isEqualTo(RequestType.USER_UPDATE);
    assertThat(RequestType.parse(" AdminRemove ", "requestType")).isEqualTo(RequestType.ADMIN_REMOVE);
    assertThatThrownBy(() -> RequestType.parse("systemAdd", "requestType"))
        .hasMessageContaining("unknown value 'systemAdd'");
  }
}
