package org.quartermaster.extension;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.events.Actor;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.PrincipalType;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCatalog;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.CatalogCreated;
import org.quartermaster.events.catalog.CatalogState;
import org.quartermaster.events.catalog.CatalogType;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.CustomExtensionStageSetting;
import org.quartermaster.events.policy.ExpirationPattern;
import org.quartermaster.events.policy.RequestorSettings;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.RequestSchedule;

/** The other services' events, built the way their publishers build them, for the gateway to consume. */
final class Fixtures {

  private Fixtures() {
  }

  static EventMetadata meta(Object aggregateId) {
    return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
        .setAggregateId(aggregateId.toString()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null)
        .setActor(Actor.newBuilder().setPrincipalId(null).setPrincipalType(PrincipalType.SYSTEM).build()).build();
  }

  static CatalogCreated catalog(UUID id, String name) {
    return new CatalogCreated(meta(id), AccessPackageCatalog.newBuilder().setId(id.toString()).setDisplayName(name)
        .setDescription(name + " catalog").setCatalogType(CatalogType.userManaged).setState(CatalogState.published)
        .setIsExternallyVisible(false).build());
  }

  static AccessPackageCreated accessPackage(UUID id, UUID catalogId, String name) {
    return new AccessPackageCreated(meta(id), AccessPackage.newBuilder().setId(id.toString())
        .setCatalogId(catalogId.toString()).setDisplayName(name).setDescription(name + " access").setIsHidden(false)
        .build());
  }

  static UserCreated user(UUID id, String name) {
    return new UserCreated(meta(id), DirectoryUser.newBuilder().setId(id.toString()).setDisplayName(name)
        .setUserPrincipalName(name.toLowerCase().replace(' ', '.') + "@contoso.com").setMail(null).setMailNickname(null)
        .setAccountEnabled(true).setUserType(UserType.Member).setDepartment(null).setJobTitle(null).setManagerId(null)
        .build());
  }

  /** @param bindings stage, extension id, stage, extension id, … */
  static AssignmentPolicyCreated policy(UUID id, UUID accessPackageId, UUID catalogId, String name, Object... bindings) {
    List<CustomExtensionStageSetting> settings = new java.util.ArrayList<>();
    for (int i = 0; i < bindings.length; i += 2) {
      settings.add(new CustomExtensionStageSetting(bindings[i].toString(), bindings[i + 1].toString()));
    }
    AssignmentPolicy policy = AssignmentPolicy.newBuilder()
        .setId(id.toString()).setAccessPackageId(accessPackageId.toString()).setCatalogId(catalogId.toString())
        .setDisplayName(name).setDescription(name).setAllowedTargetScope("allMemberUsers")
        .setSpecificAllowedTargets(List.of())
        .setRequestorSettings(RequestorSettings.newBuilder().setEnableTargetsToSelfAddAccess(true)
            .setEnableTargetsToSelfUpdateAccess(false).setEnableTargetsToSelfRemoveAccess(true)
            .setAllowCustomAssignmentSchedule(false).setEnableOnBehalfRequestorsToAddAccess(false)
            .setEnableOnBehalfRequestorsToUpdateAccess(false).setEnableOnBehalfRequestorsToRemoveAccess(false)
            .setOnBehalfRequestors(List.of()).build())
        .setExpiration(new ExpirationPattern("afterDuration", "P365D", null))
        .setIsApprovalRequiredForAdd(false).setIsApprovalRequiredForUpdate(false).setIsRequestorJustificationRequired(false)
        .setQuestions(List.of()).setCustomExtensionStageSettings(settings).setApprovalStages(List.of())
        .build();
    return new AssignmentPolicyCreated(meta(id), policy);
  }

  static AssignmentRequestCreated requestCreated(UUID requestId, UUID accessPackageId, UUID catalogId, UUID policyId,
      UUID targetId, UUID requestorId) {
    AccessPackageAssignmentRequest request = AccessPackageAssignmentRequest.newBuilder()
        .setId(requestId.toString()).setRequestType("userAdd").setState("submitted").setStatus("Accepted")
        .setAccessPackageId(accessPackageId.toString()).setCatalogId(catalogId.toString())
        .setAssignmentPolicyId(policyId.toString())
        .setTargetId(targetId.toString()).setRequestorId(requestorId.toString())
        .setAssignmentId(null).setJustification("need it")
        .setSchedule(new RequestSchedule(null, "afterDuration", "P365D", null))
        .setAnswers(List.of()).setCreatedDateTime(Instant.now()).setCompletedDateTime(null).setFailureReason(null)
        .build();
    return new AssignmentRequestCreated(meta(targetId), request);
  }

  static AccessPackageAssignment assignment(UUID id, UUID accessPackageId, UUID catalogId, UUID policyId, UUID targetId,
      UUID requestId, String state, Instant expiration) {
    return AccessPackageAssignment.newBuilder()
        .setId(id.toString()).setAccessPackageId(accessPackageId.toString()).setCatalogId(catalogId.toString())
        .setAssignmentPolicyId(policyId.toString()).setTargetId(targetId.toString()).setState(state)
        .setStatus(state.equals("delivered") ? "Delivered" : "Expired")
        .setRequestId(requestId == null ? null : requestId.toString()).setStartDateTime(Instant.now())
        .setExpirationDateTime(expiration).setResourceRoles(List.of()).build();
  }

  static AssignmentGranted granted(AccessPackageAssignment assignment) {
    return new AssignmentGranted(meta(assignment.getTargetId()), assignment);
  }

  static AssignmentRemoved removed(AccessPackageAssignment assignment) {
    return new AssignmentRemoved(meta(assignment.getTargetId()), assignment);
  }
}
