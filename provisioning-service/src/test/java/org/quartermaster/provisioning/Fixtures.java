package org.quartermaster.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.events.Actor;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.PrincipalType;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageResourceRole;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScope;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeAdded;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeRemoved;
import org.quartermaster.events.catalog.AccessPackageResourceScope;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.ExpirationPattern;
import org.quartermaster.events.policy.RequestorSettings;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.RequestSchedule;

/** The other services' events, built the way their publishers build them, for provisioning to consume. */
final class Fixtures {

  static final UUID CATALOG = UUID.randomUUID();

  private Fixtures() {
  }

  static EventMetadata meta(Object aggregateId) {
    return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
        .setAggregateId(aggregateId.toString()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null)
        .setActor(Actor.newBuilder().setPrincipalId(null).setPrincipalType(PrincipalType.SYSTEM).build()).build();
  }

  static AccessPackageCreated accessPackage(UUID id, String name) {
    return new AccessPackageCreated(meta(id), AccessPackage.newBuilder().setId(id.toString()).setCatalogId(CATALOG.toString())
        .setDisplayName(name).setDescription(name + " access").setIsHidden(false).build());
  }

  /** The catalog's role scope for a group role: {@code Member} or {@code Owner}. */
  static AccessPackageResourceRoleScopeAdded groupRole(UUID accessPackageId, UUID groupId, String kind) {
    String roleId = UUID.randomUUID().toString();
    String scopeId = UUID.randomUUID().toString();
    AccessPackageResourceRoleScope roleScope = AccessPackageResourceRoleScope.newBuilder()
        .setId(roleId + "_" + scopeId)
        .setAccessPackageId(accessPackageId.toString())
        .setCatalogId(CATALOG.toString())
        .setRole(new AccessPackageResourceRole(roleId, kind + "_" + groupId, "AadGroup", kind, null))
        .setScope(new AccessPackageResourceScope(scopeId, groupId.toString(), "AadGroup", "Root", null, true))
        .setResourceId(UUID.randomUUID().toString())
        .setResourceOriginId(groupId.toString())
        .setResourceOriginSystem("AadGroup")
        .setResourceDisplayName("group " + groupId)
        .build();
    return new AccessPackageResourceRoleScopeAdded(meta(accessPackageId), roleScope);
  }

  static AccessPackageResourceRoleScopeRemoved roleRemoved(AccessPackageResourceRoleScopeAdded added) {
    UUID accessPackageId = UUID.fromString(added.getRoleScope().getAccessPackageId());
    return new AccessPackageResourceRoleScopeRemoved(meta(accessPackageId), added.getRoleScope());
  }

  static AssignmentPolicyCreated policy(UUID id, UUID accessPackageId, String name, String duration) {
    AssignmentPolicy policy = AssignmentPolicy.newBuilder()
        .setId(id.toString()).setAccessPackageId(accessPackageId.toString()).setCatalogId(CATALOG.toString())
        .setDisplayName(name).setDescription(name).setAllowedTargetScope("allMemberUsers")
        .setSpecificAllowedTargets(List.of())
        .setRequestorSettings(RequestorSettings.newBuilder().setEnableTargetsToSelfAddAccess(true)
            .setEnableTargetsToSelfUpdateAccess(false).setEnableTargetsToSelfRemoveAccess(true)
            .setAllowCustomAssignmentSchedule(false).setEnableOnBehalfRequestorsToAddAccess(false)
            .setEnableOnBehalfRequestorsToUpdateAccess(false).setEnableOnBehalfRequestorsToRemoveAccess(false)
            .setOnBehalfRequestors(List.of()).build())
        .setExpiration(new ExpirationPattern("afterDuration", duration, null))
        .setIsApprovalRequiredForAdd(false).setIsApprovalRequiredForUpdate(false).setIsRequestorJustificationRequired(false)
        .setQuestions(List.of()).setCustomExtensionStageSettings(List.of()).setApprovalStages(List.of())
        .build();
    return new AssignmentPolicyCreated(meta(id), policy);
  }

  /** What request-service emits when a request is ready for delivery. */
  static AssignmentRequestDeliveryRequested deliver(UUID requestId, String type, UUID accessPackageId, UUID policyId,
      UUID targetId, UUID assignmentId, String expirationType, String duration) {
    return deliver(requestId, type, accessPackageId, policyId, targetId, assignmentId, null, expirationType, duration);
  }

  /** @param start the requested start; null means now */
  static AssignmentRequestDeliveryRequested deliver(UUID requestId, String type, UUID accessPackageId, UUID policyId,
      UUID targetId, UUID assignmentId, Instant start, String expirationType, String duration) {
    AccessPackageAssignmentRequest request = AccessPackageAssignmentRequest.newBuilder()
        .setId(requestId.toString()).setRequestType(type).setState("submitted").setStatus("Accepted")
        .setAccessPackageId(accessPackageId.toString()).setCatalogId(CATALOG.toString())
        .setAssignmentPolicyId(policyId == null ? null : policyId.toString())
        .setTargetId(targetId.toString()).setRequestorId(targetId.toString())
        .setAssignmentId(assignmentId == null ? null : assignmentId.toString()).setJustification(null)
        .setSchedule(new RequestSchedule(start, expirationType, duration, null))
        .setAnswers(List.of()).setCreatedDateTime(Instant.now()).setCompletedDateTime(null).setFailureReason(null)
        .build();
    return new AssignmentRequestDeliveryRequested(meta(targetId), request);
  }

  /** What request-service emits when the requestor or an administrator cancels the request. */
  static AssignmentRequestCanceled cancel(AssignmentRequestDeliveryRequested delivery) {
    AccessPackageAssignmentRequest request = delivery.getRequest();
    // Field by field: copying a record through its builder deep-copies by reflection, which Avro 1.12 refuses.
    AccessPackageAssignmentRequest canceled = AccessPackageAssignmentRequest.newBuilder()
        .setId(request.getId()).setRequestType(request.getRequestType()).setState("canceled").setStatus("Canceled")
        .setAccessPackageId(request.getAccessPackageId()).setCatalogId(request.getCatalogId())
        .setAssignmentPolicyId(request.getAssignmentPolicyId()).setTargetId(request.getTargetId())
        .setRequestorId(request.getRequestorId()).setAssignmentId(request.getAssignmentId())
        .setJustification(request.getJustification()).setSchedule(request.getSchedule()).setAnswers(request.getAnswers())
        .setCreatedDateTime(request.getCreatedDateTime()).setCompletedDateTime(Instant.now()).setFailureReason(null)
        .build();
    return new AssignmentRequestCanceled(meta(canceled.getTargetId()), canceled);
  }
}
