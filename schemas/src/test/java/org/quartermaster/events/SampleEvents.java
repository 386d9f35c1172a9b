package org.quartermaster.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCatalog;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageResource;
import org.quartermaster.events.catalog.AccessPackageResourceRole;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScope;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeAdded;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeRemoved;
import org.quartermaster.events.catalog.AccessPackageResourceScope;
import org.quartermaster.events.catalog.AccessPackageUpdated;
import org.quartermaster.events.catalog.CatalogCreated;
import org.quartermaster.events.catalog.CatalogDeleted;
import org.quartermaster.events.catalog.CatalogResourceAdded;
import org.quartermaster.events.catalog.CatalogResourceRemoved;
import org.quartermaster.events.catalog.CatalogState;
import org.quartermaster.events.catalog.CatalogType;
import org.quartermaster.events.catalog.CatalogUpdated;
import org.quartermaster.events.catalog.IncompatibleAccessPackageAdded;
import org.quartermaster.events.catalog.IncompatibleAccessPackageRemoved;
import org.quartermaster.events.catalog.IncompatibleGroupAdded;
import org.quartermaster.events.catalog.IncompatibleGroupRemoved;
import org.quartermaster.events.extension.CustomWorkflowExtensionCreated;
import org.quartermaster.events.extension.CustomWorkflowExtensionUpdated;
import org.quartermaster.events.extension.CustomWorkflowExtensionDeleted;
import org.quartermaster.events.extension.ExtensionInvoked;
import org.quartermaster.events.extension.ExtensionFailed;
import org.quartermaster.events.extension.ExtensionCallbackReceived;
import org.quartermaster.events.extension.ExtensionTimedOut;
import org.quartermaster.events.extension.CustomWorkflowExtension;
import org.quartermaster.events.extension.CustomExtensionCallout;
import org.quartermaster.events.policy.ApprovalStage;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.events.policy.CustomExtensionStageSetting;
import org.quartermaster.events.policy.ExpirationPattern;
import org.quartermaster.events.policy.PolicyQuestion;
import org.quartermaster.events.policy.RequestorSettings;
import org.quartermaster.events.policy.SubjectSet;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentDeliveryFailed;
import org.quartermaster.events.provisioning.AssignmentExpired;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.events.provisioning.AssignmentResourceRole;
import org.quartermaster.events.provisioning.ResourceRoleGranted;
import org.quartermaster.events.provisioning.ResourceRoleRevoked;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.ApprovalStep;
import org.quartermaster.events.request.AssignmentRequestStageStarted;
import org.quartermaster.events.request.AssignmentRequestStageApproved;
import org.quartermaster.events.request.AssignmentRequestStageDenied;
import org.quartermaster.events.request.AssignmentRequestStageEscalated;
import org.quartermaster.events.request.AssignmentRequestApproved;
import org.quartermaster.events.request.AssignmentRequestDenied;
import org.quartermaster.events.request.AssignmentRequestTimedOut;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.AssignmentRequestDelivered;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.AssignmentRequestFailed;
import org.quartermaster.events.request.RequestAnswer;
import org.quartermaster.events.request.RequestSchedule;
import org.quartermaster.events.directory.DirectoryGroup;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.GroupOwnerAdded;
import org.quartermaster.events.directory.GroupOwnerRemoved;
import org.quartermaster.events.directory.GroupUpdated;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.directory.UserUpdated;

/** One fully populated sample of every event type, for round-trip tests. */
final class SampleEvents {

  static final String USER_ID = "5f1c7d9e-0000-4000-8000-000000000001";
  static final String APPROVER_ID = "5f1c7d9e-0000-4000-8000-000000000009";
  static final String EXTENSION_ID = "5f1c7d9e-0000-4000-8000-00000000000e";
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
  static final String GROUP_ID = "5f1c7d9e-0000-4000-8000-000000000002";
  static final String CATALOG_ID = "5f1c7d9e-0000-4000-8000-000000000010";
  static final String RESOURCE_ID = "5f1c7d9e-0000-4000-8000-000000000011";
  static final String ROLE_ID = "5f1c7d9e-0000-4000-8000-000000000012";
  static final String SCOPE_ID = "5f1c7d9e-0000-4000-8000-000000000013";
  static final String PACKAGE_ID = "5f1c7d9e-0000-4000-8000-000000000014";
  static final String OTHER_PACKAGE_ID = "5f1c7d9e-0000-4000-8000-000000000015";
  static final String POLICY_ID = "5f1c7d9e-0000-4000-8000-000000000016";
  static final String REQUEST_ID = "5f1c7d9e-0000-4000-8000-000000000017";
  static final String ASSIGNMENT_ID = "5f1c7d9e-0000-4000-8000-000000000018";

  private SampleEvents() {
  }

  static List<SpecificRecord> all() {
    return List.of(
        new UserCreated(metadata(USER_ID), user()),
        new UserUpdated(metadata(USER_ID), user()),
        new UserDeleted(metadata(USER_ID), USER_ID),
        new GroupCreated(metadata(GROUP_ID), group()),
        new GroupUpdated(metadata(GROUP_ID), group()),
        new GroupDeleted(metadata(GROUP_ID), GROUP_ID),
        new GroupMemberAdded(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupMemberRemoved(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupOwnerAdded(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupOwnerRemoved(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new CatalogCreated(metadata(CATALOG_ID), catalog()),
        new CatalogUpdated(metadata(CATALOG_ID), catalog()),
        new CatalogDeleted(metadata(CATALOG_ID), CATALOG_ID),
        new CatalogResourceAdded(metadata(CATALOG_ID), resource()),
        new CatalogResourceRemoved(metadata(CATALOG_ID), resource()),
        new AccessPackageCreated(metadata(PACKAGE_ID), accessPackage()),
        new AccessPackageUpdated(metadata(PACKAGE_ID), accessPackage()),
        new AccessPackageDeleted(metadata(PACKAGE_ID), PACKAGE_ID, CATALOG_ID),
        new AccessPackageResourceRoleScopeAdded(metadata(PACKAGE_ID), roleScope()),
        new AccessPackageResourceRoleScopeRemoved(metadata(PACKAGE_ID), roleScope()),
        new IncompatibleAccessPackageAdded(metadata(PACKAGE_ID), PACKAGE_ID, OTHER_PACKAGE_ID),
        new IncompatibleAccessPackageRemoved(metadata(PACKAGE_ID), PACKAGE_ID, OTHER_PACKAGE_ID),
        new IncompatibleGroupAdded(metadata(PACKAGE_ID), PACKAGE_ID, GROUP_ID),
        new IncompatibleGroupRemoved(metadata(PACKAGE_ID), PACKAGE_ID, GROUP_ID),
        new AssignmentPolicyCreated(metadata(POLICY_ID), policy()),
        new AssignmentPolicyUpdated(metadata(POLICY_ID), policy()),
        new AssignmentPolicyDeleted(metadata(POLICY_ID), POLICY_ID, PACKAGE_ID),
        new AssignmentRequestCreated(metadata(USER_ID), request()),
        new AssignmentRequestDeliveryRequested(metadata(USER_ID), request()),
        new AssignmentRequestDelivered(metadata(USER_ID), request()),
        new AssignmentRequestFailed(metadata(USER_ID), request(), "the group no longer exists"),
        new AssignmentRequestCanceled(metadata(USER_ID), request()),
        new AssignmentRequestStageStarted(metadata(USER_ID), request(), step(null), List.of(APPROVER_ID), 1,
            NOW.plusSeconds(3600), NOW.plusSeconds(7200)),
        new AssignmentRequestStageApproved(metadata(USER_ID), request(), step(APPROVER_ID), 1, 2, false),
        new AssignmentRequestStageDenied(metadata(USER_ID), request(), step(APPROVER_ID)),
        new AssignmentRequestStageEscalated(metadata(USER_ID), request(), step(null), List.of(APPROVER_ID)),
        new AssignmentRequestApproved(metadata(USER_ID), request(), step(APPROVER_ID)),
        new AssignmentRequestDenied(metadata(USER_ID), request(), step(APPROVER_ID), "denied at stage 1"),
        new AssignmentRequestTimedOut(metadata(USER_ID), request(), step(null), "timed out"),
        new CustomWorkflowExtensionCreated(metadata(EXTENSION_ID), extension()),
        new CustomWorkflowExtensionUpdated(metadata(EXTENSION_ID), extension()),
        new CustomWorkflowExtensionDeleted(metadata(EXTENSION_ID), EXTENSION_ID, CATALOG_ID),
        new ExtensionInvoked(metadata(USER_ID), callout("waitingForCallback")),
        new ExtensionFailed(metadata(USER_ID), callout("calloutFailed"), "503 after 3 attempts"),
        new ExtensionCallbackReceived(metadata(USER_ID), callout("callbackReceived"), true, "Contoso.SodCheckProcess"),
        new ExtensionTimedOut(metadata(USER_ID), callout("callbackTimedOut"), "callback timed out"),
        new AssignmentCreated(metadata(USER_ID), assignment()),
        new ResourceRoleGranted(metadata(USER_ID), ASSIGNMENT_ID, USER_ID, ROLE_ID + "_" + SCOPE_ID, "Member_" + GROUP_ID,
            GROUP_ID, "AadGroup"),
        new ResourceRoleRevoked(metadata(USER_ID), ASSIGNMENT_ID, USER_ID, ROLE_ID + "_" + SCOPE_ID, "Member_" + GROUP_ID,
            GROUP_ID, "AadGroup"),
        new AssignmentGranted(metadata(USER_ID), assignment()),
        new AssignmentDeliveryFailed(metadata(USER_ID), assignment(), "directory answered 404"),
        new AssignmentRemoved(metadata(USER_ID), assignment()),
        new AssignmentExpired(metadata(USER_ID), assignment()));
  }

  static EventMetadata metadata(String aggregateId) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID())
        // timestamp-micros: truncate so the round trip compares equal on JDKs with nanosecond clocks.
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setAggregateId(aggregateId)
        .setCorrelationId(UUID.randomUUID().toString())
        .setCausationId(UUID.randomUUID().toString())
        .setActor(new Actor("admin-1", PrincipalType.USER))
        .build();
  }

  static DirectoryUser user() {
    return DirectoryUser.newBuilder()
        .setId(USER_ID)
        .setDisplayName("Adele Vance")
        .setUserPrincipalName("adele@contoso.example")
        .setMail("adele@contoso.example")
        .setMailNickname("adele")
        .setAccountEnabled(true)
        .setUserType(UserType.Member)
        .setDepartment("Retail")
        .setJobTitle("Buyer")
        .setManagerId("5f1c7d9e-0000-4000-8000-000000000003")
        .build();
  }

  static DirectoryGroup group() {
    return DirectoryGroup.newBuilder()
        .setId(GROUP_ID)
        .setDisplayName("Retail")
        .setDescription("Retail department")
        .setMailNickname("retail")
        .setSecurityEnabled(true)
        .setMailEnabled(false)
        .setGroupTypes(List.of("Unified"))
        .build();
  }

  static AccessPackageCatalog catalog() {
    return new AccessPackageCatalog(CATALOG_ID, "Marketing", "Marketing resources", CatalogType.userManaged,
        CatalogState.published, false);
  }

  static AccessPackageResourceRole memberRole() {
    return new AccessPackageResourceRole(ROLE_ID, "Member_" + GROUP_ID, "AadGroup", "Member", null);
  }

  static AccessPackageResourceScope rootScope() {
    return new AccessPackageResourceScope(SCOPE_ID, GROUP_ID, "AadGroup", "Root", "Root Scope", true);
  }

  static AccessPackageResource resource() {
    return new AccessPackageResource(RESOURCE_ID, CATALOG_ID, GROUP_ID, "AadGroup", "Retail", "Retail department",
        "Security Group", List.of(memberRole()), List.of(rootScope()));
  }

  static AccessPackage accessPackage() {
    return new AccessPackage(PACKAGE_ID, CATALOG_ID, "Marketing Campaign", null, false);
  }

  static AccessPackageResourceRoleScope roleScope() {
    return new AccessPackageResourceRoleScope(ROLE_ID + "_" + SCOPE_ID, PACKAGE_ID, CATALOG_ID, memberRole(), rootScope(),
        RESOURCE_ID, GROUP_ID, "AadGroup", "Retail");
  }

  static AssignmentPolicy policy() {
    return AssignmentPolicy.newBuilder()
        .setId(POLICY_ID).setAccessPackageId(PACKAGE_ID).setCatalogId(CATALOG_ID).setDisplayName("Specific users")
        .setDescription(null).setAllowedTargetScope("specificDirectoryUsers")
        .setSpecificAllowedTargets(List.of(new SubjectSet("singleUser", USER_ID, null, null, "Requestor1")))
        .setRequestorSettings(new RequestorSettings(true, false, true, false, false, false, false, List.of()))
        .setExpiration(new ExpirationPattern("afterDuration", "P30D", null))
        .setQuestions(List.of(new PolicyQuestion("q1", "multipleChoice", 0, true, "Which team?", List.of("red", "blue"), false, null)))
        .setCustomExtensionStageSettings(List.of(new CustomExtensionStageSetting("assignmentRequestGranted", "ext-1")))
        .setApprovalStages(List.of(new ApprovalStage("PT15M", true, true, "PT5M",
            List.of(new SubjectSet("requestorManager", null, null, 1, null)), List.of(),
            List.of(new SubjectSet("singleUser", APPROVER_ID, null, null, "fallback")), List.of(), 2)))
        .build();
  }

  static CustomWorkflowExtension extension() {
    return new CustomWorkflowExtension(EXTENSION_ID, CATALOG_ID, "accessPackageAssignmentRequestWorkflowExtension",
        "Ticketing", null, "https://tickets.contoso.com/hooks", true, "PT1H", 1000, 1);
  }

  static CustomExtensionCallout callout(String status) {
    return new CustomExtensionCallout("5f1c7d9e-0000-4000-8000-00000000000b", EXTENSION_ID, "assignmentRequestCreated",
        "5f1c7d9e-0000-4000-8000-00000000000c", null, "5f1c7d9e-0000-4000-8000-00000000000d", USER_ID, true, status, 1,
        202, null);
  }

  static ApprovalStep step(String approverId) {
    return new ApprovalStep(1, "5f1c7d9e-0000-4000-8000-00000000000a", approverId, approverId == null ? null : "looks right");
  }

  static AccessPackageAssignmentRequest request() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return AccessPackageAssignmentRequest.newBuilder()
        .setId(REQUEST_ID).setRequestType("userAdd").setState("submitted").setStatus("Accepted")
        .setAccessPackageId(PACKAGE_ID).setCatalogId(CATALOG_ID).setAssignmentPolicyId(POLICY_ID).setTargetId(USER_ID)
        .setRequestorId(USER_ID).setAssignmentId(null).setJustification("campaign")
        .setSchedule(new RequestSchedule(now, "afterDuration", "P30D", null))
        .setAnswers(List.of(new RequestAnswer("q1", "red", "Red")))
        .setCreatedDateTime(now).setCompletedDateTime(null).setFailureReason(null)
        .build();
  }

  static AccessPackageAssignment assignment() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return AccessPackageAssignment.newBuilder()
        .setId(ASSIGNMENT_ID).setAccessPackageId(PACKAGE_ID).setCatalogId(CATALOG_ID).setAssignmentPolicyId(POLICY_ID)
        .setTargetId(USER_ID).setState("delivered").setStatus("Delivered").setRequestId(REQUEST_ID)
        .setStartDateTime(now).setExpirationDateTime(now.plus(30, ChronoUnit.DAYS))
        .setResourceRoles(List.of(new AssignmentResourceRole(ROLE_ID + "_" + SCOPE_ID, "Member_" + GROUP_ID, GROUP_ID,
            "AadGroup", "Fulfilled")))
        .build();
  }
}
