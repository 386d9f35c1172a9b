package org.quartermaster.request.events;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.ApprovalStep;
import org.quartermaster.events.request.AssignmentRequestApproved;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.AssignmentRequestDenied;
import org.quartermaster.events.request.AssignmentRequestDelivered;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.AssignmentRequestFailed;
import org.quartermaster.events.request.AssignmentRequestStageApproved;
import org.quartermaster.events.request.AssignmentRequestStageDenied;
import org.quartermaster.events.request.AssignmentRequestStageEscalated;
import org.quartermaster.events.request.AssignmentRequestStageStarted;
import org.quartermaster.events.request.AssignmentRequestTimedOut;
import org.quartermaster.events.request.RequestAnswer;
import org.quartermaster.events.request.RequestSchedule;
import org.quartermaster.platform.outbox.DomainEventPublisher;
import org.quartermaster.request.approvals.domain.Decision;
import org.quartermaster.request.approvals.domain.Stage;
import org.quartermaster.request.approvals.domain.StageStatus;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.requests.domain.AssignmentRequest;
import org.quartermaster.request.requests.domain.RequestEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Translates request events to their Avro form and appends them to the outbox, keyed by the target user: everything
 * asked for one person is consumed in the order it was decided.
 */
@Component
public class RequestEventPublisher {

  private final DomainEventPublisher publisher;

  public RequestEventPublisher(DomainEventPublisher publisher) {
    this.publisher = publisher;
  }

  /** Must run in the transaction that stored the request's new state. */
  public Mono<Void> publish(List<RequestEvent> events) {
    return publisher.publish(events, event -> event.request().targetId(), RequestEventPublisher::toAvro);
  }

  static SpecificRecord toAvro(RequestEvent event, EventMetadata meta) {
    AccessPackageAssignmentRequest request = snapshot(event.request());
    if (event instanceof RequestEvent.Created) {
      return new AssignmentRequestCreated(meta, request);
    }
    if (event instanceof RequestEvent.DeliveryRequested) {
      return new AssignmentRequestDeliveryRequested(meta, request);
    }
    if (event instanceof RequestEvent.Delivered) {
      return new AssignmentRequestDelivered(meta, request);
    }
    if (event instanceof RequestEvent.Failed failed) {
      return new AssignmentRequestFailed(meta, request, failed.reason());
    }
    if (event instanceof RequestEvent.StageStarted started) {
      Stage stage = started.stage();
      return new AssignmentRequestStageStarted(meta, request, step(stage, null), texts(stage.approvers()),
          stage.settings().approvalsRequired(), stage.escalateAt(), stage.denyAt());
    }
    if (event instanceof RequestEvent.StageApproved approved) {
      Stage stage = approved.stage();
      return new AssignmentRequestStageApproved(meta, request, step(stage, approved.decision()), stage.approvals(),
          stage.settings().approvalsRequired(), stage.status() == StageStatus.APPROVED);
    }
    if (event instanceof RequestEvent.StageDenied denied) {
      return new AssignmentRequestStageDenied(meta, request, step(denied.stage(), denied.decision()));
    }
    if (event instanceof RequestEvent.StageEscalated escalated) {
      return new AssignmentRequestStageEscalated(meta, request, step(escalated.stage(), null),
          texts(escalated.stage().escalationApprovers()));
    }
    if (event instanceof RequestEvent.Approved approved) {
      return new AssignmentRequestApproved(meta, request, step(approved.stage(), approved.stage().closingDecision()
          .orElse(null)));
    }
    if (event instanceof RequestEvent.Denied denied) {
      return new AssignmentRequestDenied(meta, request,
          denied.stage() == null ? null : step(denied.stage(), denied.decision()), denied.reason());
    }
    if (event instanceof RequestEvent.TimedOut timedOut) {
      return new AssignmentRequestTimedOut(meta, request, step(timedOut.stage(), null), timedOut.reason());
    }
    return new AssignmentRequestCanceled(meta, request);
  }

  /** Where in the approval it happened; the approver and justification when a decision made it happen. */
  private static ApprovalStep step(Stage stage, Decision decision) {
    return ApprovalStep.newBuilder()
        .setStage(stage.index())
        .setStageId(stage.id().toString())
        .setApproverId(decision == null ? null : decision.approverId().toString())
        .setJustification(decision == null ? null : decision.justification())
        .build();
  }

  private static List<String> texts(List<UUID> ids) {
    return ids.stream().map(UUID::toString).toList();
  }

  static AccessPackageAssignmentRequest snapshot(AssignmentRequest request) {
    Expiration expiration = request.schedule().expiration();
    return AccessPackageAssignmentRequest.newBuilder()
        .setId(request.id().toString())
        .setRequestType(request.type().graphName())
        .setState(request.state().graphName())
        .setStatus(request.status())
        .setAccessPackageId(request.accessPackageId().toString())
        .setCatalogId(text(request.catalogId()))
        .setAssignmentPolicyId(text(request.assignmentPolicyId()))
        .setTargetId(request.targetId().toString())
        .setRequestorId(text(request.requestorId()))
        .setAssignmentId(text(request.assignmentId()))
        .setJustification(request.justification())
        .setSchedule(RequestSchedule.newBuilder()
            .setStartDateTime(request.schedule().startDateTime())
            .setExpirationType(expiration.type().graphName())
            .setDuration(expiration.duration())
            .setEndDateTime(expiration.endDateTime())
            .build())
        .setAnswers(request.answers().stream()
            .map(answer -> new RequestAnswer(answer.questionId(), answer.value(), answer.displayValue()))
            .toList())
        .setCreatedDateTime(request.createdDateTime())
        .setCompletedDateTime(request.completedDateTime())
        .setFailureReason(request.failureReason())
        .build();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
