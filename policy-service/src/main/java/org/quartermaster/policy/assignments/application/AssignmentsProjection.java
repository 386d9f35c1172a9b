package org.quartermaster.policy.assignments.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentDeliveryFailed;
import org.quartermaster.events.provisioning.AssignmentExpired;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.policy.assignments.persistence.AssignmentActivityStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model of assignments per policy. An assignment being delivered or delivered holds its policy; one
 * removed, expired or failed for good does not.
 */
@Component
public class AssignmentsProjection implements EventHandler {

  private final AssignmentActivityStore assignments;

  public AssignmentsProjection(AssignmentActivityStore assignments) {
    this.assignments = assignments;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof AssignmentCreated created) {
      return record(created.getAssignment(), true);
    }
    if (event instanceof AssignmentGranted granted) {
      return record(granted.getAssignment(), true);
    }
    if (event instanceof AssignmentRemoved removed) {
      return record(removed.getAssignment(), false);
    }
    if (event instanceof AssignmentExpired expired) {
      return record(expired.getAssignment(), false);
    }
    if (event instanceof AssignmentDeliveryFailed failed) {
      // A failed delivery can be reprocessed, and a refused update leaves a delivered assignment: the state decides.
      return record(failed.getAssignment(), !"expired".equals(failed.getAssignment().getState()));
    }
    // Per-role grants and revocations do not change whether the assignment holds its policy.
    return Mono.empty();
  }

  private Mono<Void> record(AccessPackageAssignment assignment, boolean active) {
    String policyId = assignment.getAssignmentPolicyId();
    return assignments.record(UUID.fromString(assignment.getId()), policyId == null ? null : UUID.fromString(policyId),
        UUID.fromString(assignment.getAccessPackageId()), UUID.fromString(assignment.getTargetId()), assignment.getState(),
        active);
  }
}
