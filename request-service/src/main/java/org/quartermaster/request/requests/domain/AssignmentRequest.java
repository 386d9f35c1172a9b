package org.quartermaster.request.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.request.common.domain.Conflict;

/**
 * A request to add, update or remove a user's access package assignment, and how far its delivery got.
 *
 * @param requestorId who made the request (the target for self requests)
 * @param assignmentId the assignment a removal or update acts on, or the one an add created
 * @param failureReason why delivery failed, as provisioning reported it
 */
public record AssignmentRequest(
    UUID id,
    RequestType type,
    RequestState state,
    UUID accessPackageId,
    UUID catalogId,
    UUID assignmentPolicyId,
    UUID targetId,
    UUID requestorId,
    UUID assignmentId,
    String justification,
    RequestSchedule schedule,
    List<Answer> answers,
    Instant createdDateTime,
    Instant completedDateTime,
    String failureReason) {

  /** Graph lets a failed request be reprocessed for this long after it completed. */
  public static final Duration REPROCESS_WINDOW = Duration.ofDays(14);

  public AssignmentRequest {
    answers = List.copyOf(answers);
    schedule = schedule == null ? RequestSchedule.NONE : schedule;
  }

  /**
   * Stores a validated request. Nothing needs approval yet, so delivery is requested at once; a start in the future
   * leaves the request scheduled until provisioning starts delivery at that time.
   */
  public static Change<AssignmentRequest, RequestEvent> submit(UUID id, ValidSubmission valid, UUID requestorId, Instant now) {
    AssignmentRequest submitted = new AssignmentRequest(id, valid.type(), RequestState.SUBMITTED, valid.accessPackageId(),
        valid.catalogId(), valid.assignmentPolicyId(), valid.targetId(), requestorId, valid.assignmentId(),
        valid.justification(), valid.schedule(), valid.answers(), now, null, null);
    Instant start = valid.schedule().startDateTime();
    AssignmentRequest ready = start != null && start.isAfter(now) ? submitted.withState(RequestState.SCHEDULED) : submitted;
    return new Change<>(ready, List.of(new RequestEvent.Created(submitted), new RequestEvent.DeliveryRequested(ready)));
  }

  public String status() {
    return state.status();
  }

  /**
   * Applies a trigger. A repeat (or a late signal) returns the request unchanged; a trigger the state does not allow
   * throws {@link IllegalTransition}.
   *
   * @param reason why delivery failed; only for the failure triggers
   */
  public Change<AssignmentRequest, RequestEvent> apply(Trigger trigger, Instant now, String reason) {
    RequestLifecycle.Step step = RequestLifecycle.next(state, trigger);
    if (step.kind() == RequestLifecycle.Step.Kind.STAY) {
      return Change.none(this);
    }
    if (step.kind() == RequestLifecycle.Step.Kind.REFUSE) {
      throw new IllegalTransition(this, trigger);
    }
    if (trigger == Trigger.REPROCESS && completedDateTime != null && completedDateTime.plus(REPROCESS_WINDOW).isBefore(now)) {
      throw new Conflict("reprocess", "Assignment request '" + id + "' completed at " + completedDateTime
          + ", more than 14 days ago: it can no longer be reprocessed. Submit a new request.");
    }
    AssignmentRequest next = withState(step.to());
    if (step.to().completed()) {
      next = next.completedAt(now);
    }
    if (trigger == Trigger.REPROCESS) {
      next = next.completedAt(null).failedBecause(null);
    }
    if (trigger == Trigger.DELIVERY_FAILED || trigger == Trigger.PARTIALLY_DELIVERED) {
      next = next.failedBecause(reason);
    }
    return new Change<>(next, eventsOf(trigger, next, reason));
  }

  /**
   * Applies what provisioning reported about this request's assignment. An outcome that does not concern this kind of
   * request (an assignment granted, for a removal) changes nothing.
   */
  public Change<AssignmentRequest, RequestEvent> record(AssignmentOutcome outcome, UUID assignment, String reason,
      Instant now) {
    AssignmentRequest known = assignmentId == null && assignment != null ? withAssignment(assignment) : this;
    Trigger trigger = triggerOf(outcome);
    if (trigger == null) {
      return Change.none(known);
    }
    return known.apply(trigger, now, reason);
  }

  private Trigger triggerOf(AssignmentOutcome outcome) {
    switch (outcome) {
      case CREATED:
        return Trigger.DELIVERY_STARTED;
      case GRANTED:
        return type.kind() == RequestType.Kind.REMOVE ? null : Trigger.DELIVERED;
      case REMOVED:
        return type.kind() == RequestType.Kind.REMOVE ? Trigger.DELIVERED : null;
      case PARTIALLY_FAILED:
        return Trigger.PARTIALLY_DELIVERED;
      default:
        return Trigger.DELIVERY_FAILED;
    }
  }

  private static List<RequestEvent> eventsOf(Trigger trigger, AssignmentRequest next, String reason) {
    List<RequestEvent> events = new ArrayList<>();
    switch (trigger) {
      case DELIVERED:
        events.add(new RequestEvent.Delivered(next));
        break;
      case PARTIALLY_DELIVERED:
      case DELIVERY_FAILED:
        events.add(new RequestEvent.Failed(next, reason == null ? "Delivery failed." : reason));
        break;
      case CANCEL:
        events.add(new RequestEvent.Canceled(next));
        break;
      case REPROCESS:
        events.add(new RequestEvent.DeliveryRequested(next));
        break;
      default:
        // Delivery starting is provisioning's news; the request only notes it.
        break;
    }
    return events;
  }

  public AssignmentRequest withAssignment(UUID assignment) {
    return new AssignmentRequest(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignment, justification, schedule, answers, createdDateTime, completedDateTime, failureReason);
  }

  private AssignmentRequest withState(RequestState next) {
    return new AssignmentRequest(id, type, next, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignmentId, justification, schedule, answers, createdDateTime, completedDateTime, failureReason);
  }

  private AssignmentRequest completedAt(Instant completed) {
    return new AssignmentRequest(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignmentId, justification, schedule, answers, createdDateTime, completed, failureReason);
  }

  private AssignmentRequest failedBecause(String reason) {
    return new AssignmentRequest(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignmentId, justification, schedule, answers, createdDateTime, completedDateTime, reason);
  }
}
