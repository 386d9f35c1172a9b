package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.identitygovernance.entitlementmanagement.EntitlementManagementRequestBuilder;
import com.microsoft.graph.models.AccessPackage;
import com.microsoft.graph.models.AccessPackageAssignment;
import com.microsoft.graph.models.AccessPackageAssignmentPolicy;
import com.microsoft.graph.models.AccessPackageAssignmentRequest;
import com.microsoft.graph.models.AccessPackageAssignmentRequestorSettings;
import com.microsoft.graph.models.AccessPackageAssignmentState;
import com.microsoft.graph.models.AccessPackageRequestState;
import com.microsoft.graph.models.AccessPackageRequestType;
import com.microsoft.graph.models.AllowedTargetScope;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.SingleUser;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.PeriodAndDuration;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 steps 1.7–4 with the official Microsoft Graph Java SDK on its v1.0 equivalents: the SDK parses every answer
 * into its typed models and maps an enum value it does not know to null, so each step checks typed values. Requestor1
 * uses an SDK client of their own, signed in with their own token.
 */
@EndToEnd
class SelfServiceRequestSdkTest {

  @Test
  void seed001Steps17To4WithTheGraphSdk(RunningSystem system) {
    MarketingCampaign campaign = MarketingCampaign.build(GraphHttp.asAdministrator(system), "Marketing Campaign");
    String requestorId = campaign.requestor().id();
    GraphServiceClient admin = GraphSdk.asAdministrator(system);
    EntitlementManagementRequestBuilder entitlements = admin.identityGovernance().entitlementManagement();

    // 1.7 the policy: Requestor1 may ask for themselves, for 30 days
    SingleUser requestor1 = new SingleUser();
    requestor1.setUserId(requestorId);
    requestor1.setDescription("Requestor1");
    ExpirationPattern thirtyDays = new ExpirationPattern();
    thirtyDays.setType(ExpirationPatternType.AfterDuration);
    thirtyDays.setDuration(PeriodAndDuration.parse("P30D"));
    AccessPackageAssignmentRequestorSettings selfService = new AccessPackageAssignmentRequestorSettings();
    selfService.setEnableTargetsToSelfAddAccess(true);
    selfService.setEnableTargetsToSelfRemoveAccess(true);
    AccessPackageAssignmentPolicy specificUsers = new AccessPackageAssignmentPolicy();
    specificUsers.setDisplayName("Specific users");
    specificUsers.setDescription("Specific users can request assignment");
    specificUsers.setAllowedTargetScope(AllowedTargetScope.SpecificDirectoryUsers);
    specificUsers.setSpecificAllowedTargets(List.of(requestor1));
    specificUsers.setExpiration(thirtyDays);
    specificUsers.setRequestorSettings(selfService);
    specificUsers.setAccessPackage(packageReference(campaign.packageId()));
    AccessPackageAssignmentPolicy policy = entitlements.assignmentPolicies().post(specificUsers);
    String policyId = policy.getId();
    assertThat(policyId).isNotBlank();
    assertThat(policy.getDisplayName()).isEqualTo("Specific users");
    assertThat(policy.getAllowedTargetScope()).isEqualTo(AllowedTargetScope.SpecificDirectoryUsers);
    assertThat(policy.getSpecificAllowedTargets()).singleElement().isInstanceOfSatisfying(SingleUser.class,
        allowed -> assertThat(allowed.getUserId()).isEqualTo(requestorId));
    assertThat(policy.getExpiration().getType()).isEqualTo(ExpirationPatternType.AfterDuration);
    assertThat(policy.getExpiration().getDuration()).hasToString("P30D");
    assertThat(policy.getRequestorSettings().getEnableTargetsToSelfAddAccess()).isTrue();
    assertThat(policy.getRequestorSettings().getEnableTargetsToSelfUpdateAccess()).isFalse();
    assertThat(policy.getCreatedDateTime()).isNotNull();
    assertOnlyGraphProperties(policy, policy.getExpiration(), policy.getRequestorSettings());

    // 2 Requestor1 asks, with a client of their own
    GraphServiceClient asRequestor = GraphSdk.withToken(system, campaign.requestor().token(system));
    AccessPackageAssignmentRequest userAdd = new AccessPackageAssignmentRequest();
    userAdd.setRequestType(AccessPackageRequestType.UserAdd);
    // v1.0's accessPackageAssignment model has no targetId, assignmentPolicyId or accessPackageId; Graph's own
    // samples send them as additional data, and so does this.
    AccessPackageAssignment wanted = new AccessPackageAssignment();
    wanted.setAdditionalData(Map.of("targetId", requestorId, "assignmentPolicyId", policyId,
        "accessPackageId", campaign.packageId()));
    userAdd.setAssignment(wanted);
    AccessPackageAssignmentRequest request = asRequestor.identityGovernance().entitlementManagement().assignmentRequests()
        .post(userAdd);
    assertThat(request.getRequestType()).isEqualTo(AccessPackageRequestType.UserAdd);
    assertThat(request.getState()).isEqualTo(AccessPackageRequestState.Submitted);
    assertThat(request.getStatus()).isEqualTo("Accepted");
    assertThat(request.getCreatedDateTime()).isNotNull();
    assertOnlyGraphProperties(request);

    // 3.1 the request, delivered
    AccessPackageAssignmentRequest delivered = awaitCompleted(entitlements, request.getId());
    assertThat(delivered.getState()).isEqualTo(AccessPackageRequestState.Delivered);
    assertThat(delivered.getStatus()).isEqualTo("Delivered");
    assertThat(delivered.getCompletedDateTime()).isAfterOrEqualTo(delivered.getCreatedDateTime());

    // 3.2 the assignment, listed by package with its target
    List<AccessPackageAssignment> assignments = entitlements.assignments().get(config -> {
      config.queryParameters.filter = "accessPackage/id eq '" + campaign.packageId() + "'";
      config.queryParameters.expand = new String[] {"target"};
    }).getValue();
    assertThat(assignments).singleElement().satisfies(assignment -> {
      assertThat(assignment.getState()).isEqualTo(AccessPackageAssignmentState.Delivered);
      assertThat(assignment.getStatus()).isEqualTo("Delivered");
      assertThat(assignment.getExpiredDateTime()).isNull();
      assertThat(assignment.getTarget().getObjectId()).isEqualTo(requestorId);
      assertThat(assignment.getSchedule().getExpiration().getType()).isEqualTo(ExpirationPatternType.AfterDuration);
      assertThat(Duration.between(assignment.getSchedule().getStartDateTime(),
          assignment.getSchedule().getExpiration().getEndDateTime())).isEqualTo(Duration.ofDays(30));
      assertOnlyGraphProperties(assignment, assignment.getTarget(), assignment.getSchedule(),
          assignment.getSchedule().getExpiration());
    });
    String assignmentId = assignments.get(0).getId();

    // 3.3 Requestor1 is a member of the group
    List<DirectoryObject> members = admin.groups().byGroupId(campaign.groupId()).members().get().getValue();
    assertThat(members).extracting(DirectoryObject::getId).containsExactly(requestorId);

    // 4 the administrator removes the assignment
    AccessPackageAssignmentRequest adminRemove = new AccessPackageAssignmentRequest();
    adminRemove.setRequestType(AccessPackageRequestType.AdminRemove);
    AccessPackageAssignment toRemove = new AccessPackageAssignment();
    toRemove.setId(assignmentId);
    adminRemove.setAssignment(toRemove);
    AccessPackageAssignmentRequest removal = entitlements.assignmentRequests().post(adminRemove);
    assertThat(removal.getRequestType()).isEqualTo(AccessPackageRequestType.AdminRemove);
    assertThat(removal.getState()).isEqualTo(AccessPackageRequestState.Submitted);
    assertThat(awaitCompleted(entitlements, removal.getId()).getState()).isEqualTo(AccessPackageRequestState.Delivered);
    assertThat(admin.groups().byGroupId(campaign.groupId()).members().get().getValue()).isEmpty();
    AccessPackageAssignment ended = entitlements.assignments().byAccessPackageAssignmentId(assignmentId).get();
    assertThat(ended.getState()).isEqualTo(AccessPackageAssignmentState.Expired);
    assertThat(ended.getExpiredDateTime()).isNotNull();

    // 4 the package cannot go before its policy; then both go
    ODataError held = catchThrowableOfType(ODataError.class,
        () -> entitlements.accessPackages().byAccessPackageId(campaign.packageId()).delete());
    assertThat(held.getResponseStatusCode()).isEqualTo(409);
    assertThat(held.getError().getMessage()).contains(policyId);
    deleted(() -> entitlements.assignmentPolicies().byAccessPackageAssignmentPolicyId(policyId).delete());
    deleted(() -> entitlements.accessPackages().byAccessPackageId(campaign.packageId()).delete());
    ODataError gone = catchThrowableOfType(ODataError.class,
        () -> entitlements.accessPackages().byAccessPackageId(campaign.packageId()).get());
    assertThat(gone.getResponseStatusCode()).isEqualTo(404);
  }

  private static AccessPackageAssignmentRequest awaitCompleted(EntitlementManagementRequestBuilder entitlements, String id) {
    return Eventually.await("request " + id + " completed",
        () -> entitlements.assignmentRequests().byAccessPackageAssignmentRequestId(id).get(),
        request -> request.getState() != null && Eventually.completed(request.getState().getValue()));
  }

  /** As {@link Eventually#deleted}: the owner refuses (409) until it has heard that nothing holds the item any more. */
  private static void deleted(Runnable delete) {
    Supplier<Integer> attempt = () -> {
      try {
        delete.run();
        return 204;
      } catch (ApiException e) {
        return e.getResponseStatusCode();
      }
    };
    assertThat(Eventually.await("delete once nothing holds it", attempt::get, status -> status != 409)).isEqualTo(204);
  }

  /** A fresh reference per request: the SDK's backing store sends only values changed since the model was last serialized. */
  private static AccessPackage packageReference(String id) {
    AccessPackage accessPackage = new AccessPackage();
    accessPackage.setId(id);
    return accessPackage;
  }

  /** Only OData annotations belong in additionalData: anything else is a property the SDK's model lacks. */
  private static void assertOnlyGraphProperties(AdditionalDataHolder... models) {
    for (AdditionalDataHolder model : models) {
      assertThat(model).isNotNull();
      assertThat(model.getAdditionalData().keySet()).as("properties %s does not define", model.getClass().getSimpleName())
          .allMatch(name -> name.startsWith("@"));
    }
  }
}
