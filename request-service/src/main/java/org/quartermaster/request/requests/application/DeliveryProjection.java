package org.quartermaster.request.requests.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentDeliveryFailed;
import org.quartermaster.events.provisioning.AssignmentExpired;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.assignments.persistence.AssignmentStore;
import org.quartermaster.request.requests.domain.AssignmentOutcome;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Follows provisioning: keeps the assignments read model and moves the request that caused each change, both in the
 * consumer's transaction, so a request is never delivered while the read model still lacks its assignment.
 * An expiry is no request's doing and moves none.
 */
@Component
public class DeliveryProjection implements EventHandler {

  private final AssignmentStore assignments;
  private final AssignmentRequestService requests;

  public DeliveryProjection(AssignmentStore assignments, AssignmentRequestService requests) {
    this.assignments = assignments;
    this.requests = requests;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof AssignmentCreated created) {
      return follow(created.getAssignment(), AssignmentOutcome.CREATED, null);
    }
    if (event instanceof AssignmentGranted granted) {
      return follow(granted.getAssignment(), AssignmentOutcome.GRANTED, null);
    }
    if (event instanceof AssignmentRemoved removed) {
      return follow(removed.getAssignment(), AssignmentOutcome.REMOVED, null);
    }
    if (event instanceof AssignmentDeliveryFailed failed) {
      AccessPackageAssignment assignment = failed.getAssignment();
      return follow(assignment, partly(assignment) ? AssignmentOutcome.PARTIALLY_FAILED : AssignmentOutcome.FAILED,
          failed.getReason());
    }
    if (event instanceof AssignmentExpired expired) {
      return assignments.upsert(snapshot(expired.getAssignment()));
    }
    // Per-role grants and revocations are provisioning's detail; the assignment events summarise them.
    return Mono.empty();
  }

  private Mono<Void> follow(AccessPackageAssignment assignment, AssignmentOutcome outcome, String reason) {
    Mono<Void> stored = assignments.upsert(snapshot(assignment));
    if (assignment.getRequestId() == null) {
      return stored;
    }
    return stored.then(requests.record(UUID.fromString(assignment.getRequestId()), outcome,
        UUID.fromString(assignment.getId()), reason)).then();
  }

  /** Some roles were granted before one failed for good: Graph calls that partially delivered. */
  static boolean partly(AccessPackageAssignment assignment) {
    return "partiallyDelivered".equalsIgnoreCase(assignment.getState())
        || assignment.getResourceRoles().stream().anyMatch(role -> "Fulfilled".equalsIgnoreCase(role.getStatus()));
  }

  static Assignment snapshot(AccessPackageAssignment assignment) {
    return new Assignment(UUID.fromString(assignment.getId()), UUID.fromString(assignment.getAccessPackageId()),
        uuid(assignment.getCatalogId()), uuid(assignment.getAssignmentPolicyId()), UUID.fromString(assignment.getTargetId()),
        assignment.getState(), assignment.getStatus(), uuid(assignment.getRequestId()), assignment.getStartDateTime(),
        assignment.getExpirationDateTime());
  }

  private static UUID uuid(String value) {
    return value == null ? null : UUID.fromString(value);
  }
}
