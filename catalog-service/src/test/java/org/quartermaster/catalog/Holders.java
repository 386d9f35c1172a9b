package org.quartermaster.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.quartermaster.events.Actor;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.PrincipalType;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.ExpirationPattern;
import org.quartermaster.events.policy.RequestorSettings;
import org.quartermaster.events.provisioning.AccessPackageAssignment;

/** Events of the policy and provisioning services, shaped as those services publish them. */
final class Holders {

  private Holders() {
  }

  static EventMetadata metadata(String aggregateId) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setAggregateId(aggregateId)
        .setCorrelationId(UUID.randomUUID().toString())
        .setCausationId(null)
        .setActor(new Actor(null, PrincipalType.SYSTEM))
        .build();
  }

  static AssignmentPolicy policy(String id, String packageId, String displayName) {
    return policy(id, packageId, displayName, null, "allMemberUsers");
  }

  static AssignmentPolicy policy(String id, String packageId, String displayName, String description,
      String allowedTargetScope) {
    return AssignmentPolicy.newBuilder()
        .setId(id).setAccessPackageId(packageId).setCatalogId(null).setDisplayName(displayName)
        .setDescription(description)
        .setAllowedTargetScope(allowedTargetScope).setSpecificAllowedTargets(List.of())
        .setRequestorSettings(new RequestorSettings(true, false, true, false, false, false, false, List.of()))
        .setExpiration(new ExpirationPattern("afterDuration", "P30D", null))
        .setQuestions(List.of()).setCustomExtensionStageSettings(List.of()).setApprovalStages(List.of())
        .build();
  }

  static AccessPackageAssignment assignment(String id, String packageId, String target) {
    return AccessPackageAssignment.newBuilder()
        .setId(id).setAccessPackageId(packageId).setCatalogId(null).setAssignmentPolicyId(null).setTargetId(target)
        .setState("delivered").setStatus("Delivered").setRequestId(null)
        .setStartDateTime(Instant.now().truncatedTo(ChronoUnit.MICROS)).setExpirationDateTime(null)
        .setResourceRoles(List.of())
        .build();
  }
}
