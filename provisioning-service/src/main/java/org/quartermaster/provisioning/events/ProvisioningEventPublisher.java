package org.quartermaster.provisioning.events;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentDeliveryFailed;
import org.quartermaster.events.provisioning.AssignmentExpired;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.events.provisioning.AssignmentResourceRole;
import org.quartermaster.events.provisioning.ResourceRoleGranted;
import org.quartermaster.events.provisioning.ResourceRoleRevoked;
import org.quartermaster.platform.outbox.DomainEventPublisher;
import org.quartermaster.provisioning.assignments.domain.AssignedRole;
import org.quartermaster.provisioning.assignments.domain.Assignment;
import org.quartermaster.provisioning.assignments.domain.AssignmentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Translates assignment events to their Avro form and appends them to the outbox, keyed by the target user, so one
 * person's grants and revocations are consumed in order.
 */
@Component
public class ProvisioningEventPublisher {

  private final DomainEventPublisher publisher;

  public ProvisioningEventPublisher(DomainEventPublisher publisher) {
    this.publisher = publisher;
  }

  public Mono<Void> publish(List<AssignmentEvent> events) {
    return publisher.publish(events, event -> event.assignment().targetId(), ProvisioningEventPublisher::toAvro);
  }

  static SpecificRecord toAvro(AssignmentEvent event, EventMetadata meta) {
    AccessPackageAssignment snapshot = snapshot(event.assignment());
    if (event instanceof AssignmentEvent.Created) {
      return new AssignmentCreated(meta, snapshot);
    }
    if (event instanceof AssignmentEvent.Granted) {
      return new AssignmentGranted(meta, snapshot);
    }
    if (event instanceof AssignmentEvent.DeliveryFailed failed) {
      return new AssignmentDeliveryFailed(meta, snapshot, failed.reason());
    }
    if (event instanceof AssignmentEvent.Removed) {
      return new AssignmentRemoved(meta, snapshot);
    }
    if (event instanceof AssignmentEvent.Expired) {
      return new AssignmentExpired(meta, snapshot);
    }
    if (event instanceof AssignmentEvent.RoleGranted granted) {
      AssignedRole role = granted.role();
      return new ResourceRoleGranted(meta, event.assignment().id().toString(), event.assignment().targetId().toString(),
          role.roleScopeId(), role.role().roleOriginId(), role.role().resourceOriginId(), role.role().resourceOriginSystem());
    }
    AssignedRole role = ((AssignmentEvent.RoleRevoked) event).role();
    return new ResourceRoleRevoked(meta, event.assignment().id().toString(), event.assignment().targetId().toString(),
        role.roleScopeId(), role.role().roleOriginId(), role.role().resourceOriginId(), role.role().resourceOriginSystem());
  }

  static AccessPackageAssignment snapshot(Assignment assignment) {
    return AccessPackageAssignment.newBuilder()
        .setId(assignment.id().toString())
        .setAccessPackageId(assignment.accessPackageId().toString())
        .setCatalogId(assignment.catalogId() == null ? null : assignment.catalogId().toString())
        .setAssignmentPolicyId(assignment.assignmentPolicyId() == null ? null : assignment.assignmentPolicyId().toString())
        .setTargetId(assignment.targetId().toString())
        .setState(assignment.state().graphName())
        .setStatus(assignment.status())
        .setRequestId(assignment.requestId() == null ? null : assignment.requestId().toString())
        .setStartDateTime(assignment.schedule().startDateTime())
        .setExpirationDateTime(assignment.schedule().expiresAt())
        .setResourceRoles(assignment.roles().stream().map(role -> new AssignmentResourceRole(role.roleScopeId(),
            role.role().roleOriginId(), role.role().resourceOriginId(), role.role().resourceOriginSystem(),
            role.status().graphName())).toList())
        .build();
  }
}
