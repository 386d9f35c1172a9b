package org.quartermaster.extension.callouts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.quartermaster.extension.common.domain.Conflict;
import org.quartermaster.extension.common.domain.NotFound;
import org.quartermaster.extension.definitions.domain.Stage;
import org.quartermaster.platform.domain.Backoff;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * One call of an extension at one stage of a request or assignment; its id is the CustomExtensionStageInstanceId the
 * endpoint echoes in resume. It is queued until an attempt succeeds or the last one fails; a launch-and-wait callout
 * then waits for its callback until {@code callbackDueAt}.
 *
 * @param nextAttemptAt when the next attempt is due, while queued
 * @param callbackDueAt when the wait for a callback ends, while waiting
 */
public record Callout(UUID id, UUID extensionId, Stage stage, UUID requestId, UUID assignmentId, UUID accessPackageId,
    UUID targetId, boolean launchAndWait, CalloutStatus status, int attempts, Integer lastHttpStatus, String detail,
    Instant nextAttemptAt, Instant callbackDueAt) {

  public static final String CALLBACK_TIMED_OUT = "callback timed out";

  /** A new callout, first attempt due at {@code dueAt}. */
  public static Callout queue(UUID id, UUID extensionId, Stage stage, UUID requestId, UUID assignmentId,
      UUID accessPackageId, UUID targetId, boolean launchAndWait, Instant dueAt) {
    return new Callout(id, extensionId, stage, requestId, assignmentId, accessPackageId, targetId, launchAndWait,
        CalloutStatus.QUEUED, 0, null, null, dueAt, null);
  }

  /** The endpoint accepted the call (2xx). */
  public Change<Callout, CalloutEvent> delivered(int httpStatus, Instant now, Duration callbackTimeout) {
    boolean waits = launchAndWait && callbackTimeout != null;
    Callout next = new Callout(id, extensionId, stage, requestId, assignmentId, accessPackageId, targetId, waits,
        waits ? CalloutStatus.WAITING_FOR_CALLBACK : CalloutStatus.CALLOUT_SENT, attempts + 1, httpStatus, null, null,
        waits ? now.plus(callbackTimeout) : null);
    return Change.of(next, new CalloutEvent.Invoked(next));
  }

  /** An attempt failed: retried later while the failure may pass and attempts remain, else the callout failed. */
  public Change<Callout, CalloutEvent> attemptFailed(AttemptFailure failure, int maxAttempts, Backoff retries,
      Instant now) {
    int made = attempts + 1;
    if (failure.retryable() && made < maxAttempts) {
      return Change.none(new Callout(id, extensionId, stage, requestId, assignmentId, accessPackageId, targetId,
          launchAndWait, CalloutStatus.QUEUED, made, failure.httpStatus(), failure.reason(), retries.next(now, made), null));
    }
    String reason = failure.retryable() ? failure.reason() + " (after " + made + " attempts)" : failure.reason();
    Callout failed = new Callout(id, extensionId, stage, requestId, assignmentId, accessPackageId, targetId,
        launchAndWait, CalloutStatus.CALLOUT_FAILED, made, failure.httpStatus(), reason, null, null);
    return Change.of(failed, new CalloutEvent.Failed(failed, reason));
  }

  /**
   * The endpoint's callback. Only a launch-and-wait callout that is still waiting takes it; a second one changes
   * nothing and is refused, so a replayed callback cannot resume a request twice.
   *
   * @param state the callback's {@code data.state}: {@code denied}, or null to let the request go on
   */
  public Change<Callout, CalloutEvent> resume(UUID forRequest, String state, String stageInstanceDetail, String source) {
    if (requestId == null || !requestId.equals(forRequest)) {
      throw new NotFound("customExtensionStageInstance", id, "Custom extension stage instance '" + id
          + "' does not belong to assignment request '" + forRequest + "'.");
    }
    if (!launchAndWait) {
      throw new Conflict("Custom extension stage instance '" + id + "' is launch-and-continue; it takes no callback.");
    }
    if (status != CalloutStatus.WAITING_FOR_CALLBACK) {
      throw new Conflict("Custom extension stage instance '" + id + "' is not waiting for a callback: its status is "
          + status.graphName() + ".");
    }
    boolean denied = state != null && !state.isBlank();
    if (denied && !state.trim().toLowerCase(Locale.ROOT).equals("denied")) {
      throw new RuleViolation("data.state", "Property 'data.state' must be 'denied' or absent, got '" + state + "'.");
    }
    if (denied && !stage.allowsDeny()) {
      throw new RuleViolation("data.state", "Property 'data.state' cannot deny at the " + stage.graphName()
          + " stage; only assignmentRequestCreated and assignmentRequestApproved callbacks can deny.");
    }
    Callout received = new Callout(id, extensionId, stage, requestId, assignmentId, accessPackageId, targetId,
        launchAndWait, CalloutStatus.CALLBACK_RECEIVED, attempts, lastHttpStatus, stageInstanceDetail, null, null);
    return Change.of(received, new CalloutEvent.CallbackReceived(received, denied, source));
  }

  /** No callback came in time. */
  public Change<Callout, CalloutEvent> timeOut() {
    if (status != CalloutStatus.WAITING_FOR_CALLBACK) {
      return Change.none(this);
    }
    Callout timedOut = new Callout(id, extensionId, stage, requestId, assignmentId, accessPackageId, targetId,
        launchAndWait, CalloutStatus.CALLBACK_TIMED_OUT, attempts, lastHttpStatus, CALLBACK_TIMED_OUT, null, null);
    return Change.of(timedOut, new CalloutEvent.TimedOut(timedOut, CALLBACK_TIMED_OUT));
  }
}
