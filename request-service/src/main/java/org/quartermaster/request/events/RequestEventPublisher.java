package org.quartermaster.request.events;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.AssignmentRequestDelivered;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.AssignmentRequestFailed;
import org.quartermaster.events.request.RequestAnswer;
import org.quartermaster.events.request.RequestSchedule;
import org.quartermaster.platform.outbox.DomainEventPublisher;
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
    return new AssignmentRequestCanceled(meta, request);
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
