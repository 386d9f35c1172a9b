package org.quartermaster.request.requests.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The request state machine as one table: for every state and trigger, move to a state, stay (a repeated or late
 * signal, which changes nothing), or refuse.
 *
 * <pre>
 * submitted ─┬─(scheduled)─┬─ deliveryStarted ─▶ delivering ─┬─▶ delivered
 *            │             │                                 ├─▶ partiallyDelivered ─┐
 *            ├─────────────┴─ cancel ─▶ canceled              └─▶ deliveryFailed ─────┴─ reprocess ─▶ delivering
 *            └─ deny ─▶ denied  (submitted only: a launch-and-wait custom extension denied, failed or timed out)
 *
 * pendingApproval ─┬─ approve ─▶ delivering (scheduled while its start is in the future)
 *                  ├─ deny ─▶ denied
 *                  └─ cancel ─▶ canceled
 * </pre>
 * A removal never creates an assignment, so submitted and scheduled requests may also be delivered or fail directly.
 */
public final class RequestLifecycle {

  private RequestLifecycle() {
  }

  /** The outcome of one trigger in one state. */
  public record Step(Kind kind, RequestState to) {

    /** Whether the trigger moves the request, is a harmless repeat, or is refused. */
    public enum Kind { MOVE, STAY, REFUSE }

    static Step move(RequestState to) {
      return new Step(Kind.MOVE, to);
    }

    static Step stay() {
      return new Step(Kind.STAY, null);
    }

    static Step refuse() {
      return new Step(Kind.REFUSE, null);
    }
  }

  public static Step next(RequestState state, Trigger trigger) {
    switch (state) {
      case SUBMITTED:
      case SCHEDULED:
        return beforeDelivery(state, trigger);
      case PENDING_APPROVAL:
        return pendingApproval(trigger);
      case DELIVERING:
        return delivering(trigger);
      case DELIVERED:
        return trigger == Trigger.DELIVERY_STARTED || trigger == Trigger.DELIVERED ? Step.stay() : Step.refuse();
      case PARTIALLY_DELIVERED:
        return partiallyDelivered(trigger);
      case DELIVERY_FAILED:
        return deliveryFailed(trigger);
      case CANCELED:
        return trigger == Trigger.CANCEL ? Step.stay() : Step.refuse();
      default:
        // denied is final; nothing but a new request follows it, and a second denial is a late signal.
        return trigger == Trigger.DENY ? Step.stay() : Step.refuse();
    }
  }

  /** The states in which a trigger moves a request: what a refusal tells the client. */
  public static List<RequestState> statesAllowing(Trigger trigger) {
    return Arrays.stream(RequestState.values()).filter(state -> next(state, trigger).kind() == Step.Kind.MOVE).toList();
  }

  private static Step beforeDelivery(RequestState state, Trigger trigger) {
    switch (trigger) {
      case DELIVERY_STARTED:
        return Step.move(RequestState.DELIVERING);
      case DELIVERED:
        return Step.move(RequestState.DELIVERED);
      case PARTIALLY_DELIVERED:
        return Step.move(RequestState.PARTIALLY_DELIVERED);
      case DELIVERY_FAILED:
        return Step.move(RequestState.DELIVERY_FAILED);
      case CANCEL:
        return Step.move(RequestState.CANCELED);
      case DENY:
        // A submitted request that waits for a custom extension's callback, which may deny it; nothing was delivered.
        return state == RequestState.SUBMITTED ? Step.move(RequestState.DENIED) : Step.refuse();
      default:
        return Step.refuse();
    }
  }

  /** Provisioning has not heard of a request waiting for approval, so only the approval's end or a cancel moves it. */
  private static Step pendingApproval(Trigger trigger) {
    switch (trigger) {
      case APPROVE:
        return Step.move(RequestState.DELIVERING);
      case DENY:
        return Step.move(RequestState.DENIED);
      case CANCEL:
        return Step.move(RequestState.CANCELED);
      default:
        return Step.refuse();
    }
  }

  private static Step delivering(Trigger trigger) {
    switch (trigger) {
      case DELIVERY_STARTED:
        return Step.stay();
      case DELIVERED:
        return Step.move(RequestState.DELIVERED);
      case PARTIALLY_DELIVERED:
        return Step.move(RequestState.PARTIALLY_DELIVERED);
      case DELIVERY_FAILED:
        return Step.move(RequestState.DELIVERY_FAILED);
      default:
        // Provisioning may already be granting: too late to cancel, too early to reprocess.
        return Step.refuse();
    }
  }

  private static Step partiallyDelivered(Trigger trigger) {
    switch (trigger) {
      case DELIVERY_STARTED:
      case PARTIALLY_DELIVERED:
        return Step.stay();
      case DELIVERED:
        // Provisioning granted the roles that were missing.
        return Step.move(RequestState.DELIVERED);
      case REPROCESS:
        return Step.move(RequestState.DELIVERING);
      default:
        return Step.refuse();
    }
  }

  private static Step deliveryFailed(Trigger trigger) {
    switch (trigger) {
      case DELIVERY_STARTED:
      case DELIVERY_FAILED:
        return Step.stay();
      case DELIVERED:
        // The assignment itself was reprocessed (POST assignments/{id}/reprocess) and every role is now granted.
        return Step.move(RequestState.DELIVERED);
      case REPROCESS:
        return Step.move(RequestState.DELIVERING);
      default:
        return Step.refuse();
    }
  }
}
