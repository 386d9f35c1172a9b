package org.quartermaster.catalog.holders.application;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.catalog.holders.domain.PackagePolicy;
import org.quartermaster.catalog.holders.persistence.PackageHolderStore;
import org.quartermaster.events.Topics;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentDeliveryFailed;
import org.quartermaster.events.provisioning.AssignmentExpired;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Learns which policies and assignments hold each access package from the services that own them, so a package
 * still in use is not deleted from under them, and its policies can be listed under it ({@code $expand}).
 */
@Configuration(proxyBeanMethods = false)
public class PackageHoldersProjection implements EventHandler {

  private final PackageHolderStore holders;

  public PackageHoldersProjection(PackageHolderStore holders) {
    this.holders = holders;
  }

  @Bean
  EventSubscription packageHoldersSubscription() {
    return new EventSubscription("package-holders",
        List.of(Topics.POLICY_ASSIGNMENT_POLICIES, Topics.PROVISIONING_ASSIGNMENTS), this);
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof AssignmentPolicyCreated created) {
      return savePolicy(created.getPolicy());
    }
    if (event instanceof AssignmentPolicyUpdated updated) {
      return savePolicy(updated.getPolicy());
    }
    if (event instanceof AssignmentPolicyDeleted deleted) {
      return holders.deletePolicy(UUID.fromString(deleted.getPolicyId()));
    }
    if (event instanceof AssignmentCreated created) {
      return saveAssignment(created.getAssignment(), true);
    }
    if (event instanceof AssignmentGranted granted) {
      return saveAssignment(granted.getAssignment(), true);
    }
    if (event instanceof AssignmentRemoved removed) {
      return saveAssignment(removed.getAssignment(), false);
    }
    if (event instanceof AssignmentExpired expired) {
      return saveAssignment(expired.getAssignment(), false);
    }
    if (event instanceof AssignmentDeliveryFailed failed) {
      // A failed delivery can be reprocessed, and a refused update leaves a delivered assignment: the state decides.
      return saveAssignment(failed.getAssignment(), !"expired".equals(failed.getAssignment().getState()));
    }
    // Per-role grants change nothing about who holds the package.
    return Mono.empty();
  }

  private Mono<Void> savePolicy(AssignmentPolicy policy) {
    return holders.savePolicy(new PackagePolicy(UUID.fromString(policy.getId()),
        UUID.fromString(policy.getAccessPackageId()), policy.getDisplayName(), policy.getDescription(),
        policy.getAllowedTargetScope()));
  }

  private Mono<Void> saveAssignment(AccessPackageAssignment assignment, boolean active) {
    return holders.saveAssignment(UUID.fromString(assignment.getId()), UUID.fromString(assignment.getAccessPackageId()),
        active);
  }
}
