package org.quartermaster.extension.callouts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.extension.common.domain.Conflict;
import org.quartermaster.extension.common.domain.NotFound;
import org.quartermaster.extension.definitions.domain.Stage;
import org.quartermaster.platform.domain.Backoff;
import org.quartermaster.platform.domain.RuleViolation;

/** A callout's life: attempts and retries, the callback and its rules, the timeout. */
class CalloutTest {

  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  static final UUID REQUEST = UUID.randomUUID();
  final Backoff retries = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));

  static Callout queued(Stage stage, boolean waits) {
    return Callout.queue(UUID.randomUUID(), UUID.randomUUID(), stage, REQUEST, null, UUID.randomUUID(), UUID.randomUUID(),
        waits, NOW);
  }

  @Test
  void aLaunchAndContinueCalloutIsSentOnce() {
    var change = queued(Stage.ASSIGNMENT_REQUEST_GRANTED, false).delivered(202, NOW, null);
    assertThat(change.state().status()).isEqualTo(CalloutStatus.CALLOUT_SENT);
    assertThat(change.state().nextAttemptAt()).isNull();
    assertThat(change.state().callbackDueAt()).isNull();
    assertThat(change.events()).singleElement().isInstanceOf(CalloutEvent.Invoked.class);
  }

  @Test
  void aLaunchAndWaitCalloutWaitsUntilItsDeadline() {
    var change = queued(Stage.ASSIGNMENT_REQUEST_CREATED, true).delivered(202, NOW, Duration.ofHours(1));
    assertThat(change.state().status()).isEqualTo(CalloutStatus.WAITING_FOR_CALLBACK);
    assertThat(change.state().callbackDueAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUntilTheBoundThenFail() {
    Callout callout = queued(Stage.ASSIGNMENT_REQUEST_CREATED, false);
    var first = callout.attemptFailed(AttemptFailure.ofStatus(503), 3, retries, NOW);
    assertThat(first.events()).isEmpty();
    assertThat(first.state().nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
    var second = first.state().attemptFailed(AttemptFailure.transientError("timeout"), 3, retries, NOW);
    assertThat(second.state().nextAttemptAt()).isEqualTo(NOW.plusSeconds(4));
    var third = second.state().attemptFailed(AttemptFailure.ofStatus(429), 3, retries, NOW);
    assertThat(third.state().status()).isEqualTo(CalloutStatus.CALLOUT_FAILED);
    assertThat(third.state().attempts()).isEqualTo(3);
    assertThat(third.events()).singleElement().isInstanceOf(CalloutEvent.Failed.class);
    assertThat(retries.delay(10)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aClientErrorOrAPolicyRefusalFailsAtOnce() {
    var refused = queued(Stage.ASSIGNMENT_REQUEST_CREATED, false).attemptFailed(AttemptFailure.ofStatus(400), 5, retries, NOW);
    assertThat(refused.state().status()).isEqualTo(CalloutStatus.CALLOUT_FAILED);
    assertThat(refused.state().lastHttpStatus()).isEqualTo(400);
    var policy = queued(Stage.ASSIGNMENT_REQUEST_CREATED, false)
        .attemptFailed(AttemptFailure.refusedByPolicy("private"), 5, retries, NOW);
    assertThat(((CalloutEvent.Failed) policy.events().get(0)).reason()).startsWith("refused by outbound policy");
  }

  @Test
  void aCallbackResumesOnlyItsOwnWaitingCalloutAndOnlyOnce() {
    Callout waiting = queued(Stage.ASSIGNMENT_REQUEST_APPROVED, true).delivered(202, NOW, Duration.ofHours(1)).state();
    assertThatThrownBy(() -> waiting.resume(UUID.randomUUID(), null, null, null)).isInstanceOf(NotFound.class);
    var resumed = waiting.resume(REQUEST, "Denied", "no budget", "Contoso");
    assertThat(resumed.state().status()).isEqualTo(CalloutStatus.CALLBACK_RECEIVED);
    assertThat(resumed.events()).singleElement().isEqualTo(new CalloutEvent.CallbackReceived(resumed.state(), true, "Contoso"));
    assertThatThrownBy(() -> resumed.state().resume(REQUEST, null, null, null)).isInstanceOf(Conflict.class);
    Callout continuing = queued(Stage.ASSIGNMENT_REQUEST_GRANTED, false).delivered(202, NOW, null).state();
    assertThatThrownBy(() -> continuing.resume(REQUEST, null, null, null)).isInstanceOf(Conflict.class);
  }

  @Test
  void onlyTheCreatedAndApprovedStagesCanBeDenied() {
    Callout granted = queued(Stage.ASSIGNMENT_REQUEST_GRANTED, true).delivered(202, NOW, Duration.ofHours(1)).state();
    assertThatThrownBy(() -> granted.resume(REQUEST, "denied", null, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("data.state");
    assertThat(granted.resume(REQUEST, null, null, null).state().status()).isEqualTo(CalloutStatus.CALLBACK_RECEIVED);
  }

  @Test
  void aWaitTimesOutOnceAndThenTakesNoCallback() {
    Callout waiting = queued(Stage.ASSIGNMENT_REQUEST_CREATED, true).delivered(202, NOW, Duration.ofMinutes(5)).state();
    var timedOut = waiting.timeOut();
    assertThat(timedOut.events()).singleElement().isEqualTo(new CalloutEvent.TimedOut(timedOut.state(), "callback timed out"));
    assertThat(timedOut.state().timeOut().events()).isEmpty();
    assertThatThrownBy(() -> timedOut.state().resume(REQUEST, null, null, null)).isInstanceOf(Conflict.class);
  }
}
