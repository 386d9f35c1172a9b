package org.quartermaster.provisioning.requests.application;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.Topics;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.RequestSchedule;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.platform.inbox.EventSubscription;
import org.quartermaster.provisioning.assignments.application.AssignmentService;
import org.quartermaster.provisioning.assignments.domain.AssignmentRequest;
import org.quartermaster.provisioning.assignments.domain.Cancellation;
import org.quartermaster.provisioning.assignments.domain.ExpirationPattern;
import org.quartermaster.provisioning.assignments.domain.ExpirationType;
import org.quartermaster.provisioning.assignments.domain.RequestType;
import org.quartermaster.platform.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Acts on the request service's decisions: only {@code AssignmentRequestDeliveryRequested} means "deliver this now",
 * so approvals and callbacks can sit between a request's creation and its delivery, and
 * {@code AssignmentRequestCanceled} takes back what the request started. Both share the target's key, so a cancel
 * always arrives after the request's delivery. Each event is applied once (the inbox); the same request delivered
 * again by a later event is a reprocess, unless it was canceled.
 */
@Configuration(proxyBeanMethods = false)
public class RequestProjection implements EventHandler {

  static final String CONSUMER = "assignment-requests";
  private static final Logger log = LoggerFactory.getLogger(RequestProjection.class);

  private final AssignmentService assignments;

  public RequestProjection(AssignmentService assignments) {
    this.assignments = assignments;
  }

  @Bean
  EventSubscription assignmentRequestsSubscription() {
    return new EventSubscription(CONSUMER, List.of(Topics.REQUEST_ASSIGNMENT_REQUESTS), this);
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof AssignmentRequestDeliveryRequested requested) {
      AssignmentRequest request;
      try {
        request = request(requested.getRequest());
      } catch (RuleViolation | IllegalArgumentException malformed) {
        // Retrying cannot make a malformed request readable; the request service validated it, so this is a bug there.
        log.error("Ignoring request {}: {}", requested.getRequest().getId(), malformed.getMessage());
        return Mono.empty();
      }
      return assignments.deliver(request);
    }
    if (event instanceof AssignmentRequestCanceled canceled) {
      Cancellation cancellation;
      try {
        cancellation = cancellation(canceled.getRequest());
      } catch (RuleViolation | IllegalArgumentException malformed) {
        log.error("Ignoring the cancel of request {}: {}", canceled.getRequest().getId(), malformed.getMessage());
        return Mono.empty();
      }
      return assignments.cancel(cancellation);
    }
    // Created, Delivered and Failed are the request service's own bookkeeping.
    return Mono.empty();
  }

  static Cancellation cancellation(AccessPackageAssignmentRequest request) {
    return new Cancellation(UUID.fromString(request.getId()), RequestType.parse(request.getRequestType()));
  }

  static AssignmentRequest request(AccessPackageAssignmentRequest request) {
    RequestSchedule schedule = request.getSchedule();
    ExpirationPattern expiration = schedule == null ? ExpirationPattern.NOT_SPECIFIED
        : new ExpirationPattern(ExpirationType.parse(schedule.getExpirationType()), schedule.getDuration(),
            schedule.getEndDateTime());
    return new AssignmentRequest(UUID.fromString(request.getId()), RequestType.parse(request.getRequestType()),
        UUID.fromString(request.getAccessPackageId()), uuid(request.getCatalogId()), uuid(request.getAssignmentPolicyId()),
        UUID.fromString(request.getTargetId()), uuid(request.getAssignmentId()),
        schedule == null ? null : schedule.getStartDateTime(), expiration);
  }

  private static UUID uuid(String value) {
    return value == null || value.isBlank() ? null : UUID.fromString(value);
  }
}
