package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.e2e.MarketingCampaign.BETA;
import static org.quartermaster.e2e.MarketingCampaign.created;
import static org.quartermaster.e2e.MarketingCampaign.ok;
import static org.quartermaster.e2e.MarketingCampaign.single;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tutorials' self-service flow through the gateway over beta: the administrator's policy, Requestor1's own request
 * signed in as Requestor1, its delivery into the directory, the administrator's removal and the cleanup. Each body is
 * the tutorial's own apart from ids.
 */
@EndToEnd
class SelfServiceRequestOverHttpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ADMINISTRATOR = "admin@contoso.com";

  @Test
  void seed001Steps17To4Requestor1GetsTheMarketingCampaignAndTheAdministratorTakesItBack(RunningSystem system) {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Marketing Campaign");
    String requestorId = campaign.requestor().id();

    // 1.7 Create an access package policy
    JsonNode policy = created(admin.post(BETA + "/accessPackageAssignmentPolicies", json("""
        {
          "accessPackageId": "%s",
          "displayName": "Specific users",
          "description": "Specific users can request assignment",
          "accessReviewSettings": null,
          "durationInDays": 30,
          "requestorSettings": {
            "scopeType": "SpecificDirectorySubjects",
            "acceptRequests": true,
            "allowedRequestors": [
               {
                 "@odata.type": "#microsoft.graph.singleUser",
                 "isBackup": false,
                 "id": "%s",
                 "description": "Requestor1"
               }
            ]
          },
          "requestApprovalSettings": {
            "isApprovalRequired": false,
            "isApprovalRequiredForExtension": false,
            "isRequestorJustificationRequired": false,
            "approvalMode": "NoApproval",
            "approvalStages": []
          }
        }""", campaign.packageId(), requestorId)));
    String policyId = policy.path("id").asString();
    assertThat(policy.path("accessPackageId").asString()).isEqualTo(campaign.packageId());
    assertThat(policy.path("displayName").asString()).isEqualTo("Specific users");
    assertThat(policy.path("durationInDays").asInt()).isEqualTo(30);
    assertThat(policy.path("canExtend").asBoolean(true)).isFalse();
    assertThat(policy.path("createdBy").asString()).isEqualTo(ADMINISTRATOR);
    assertThat(policy.path("requestorSettings").path("scopeType").asString()).isEqualTo("SpecificDirectorySubjects");
    assertThat(policy.path("requestorSettings").path("allowedRequestors")).singleElement()
        .satisfies(allowed -> assertThat(allowed.path("id").asString()).isEqualTo(requestorId));
    assertThat(policy.path("requestApprovalSettings").path("approvalMode").asString()).isEqualTo("NoApproval");

    // 2 Request access: Requestor1, signed in on their own, asks for the package
    GraphHttp requestor = GraphHttp.withToken(system, campaign.requestor().token(system));
    JsonNode request = created(requestor.post(BETA + "/accessPackageAssignmentRequests", json("""
        {
          "requestType": "UserAdd",
          "accessPackageAssignment":{
             "targetId":"%s",
             "assignmentPolicyId":"%s",
             "accessPackageId":"%s"
          }
        }""", requestorId, policyId, campaign.packageId())));
    String requestId = request.path("id").asString();
    assertThat(request.path("requestType").asString()).isEqualTo("UserAdd");
    assertThat(request.path("requestState").asString()).isEqualTo("Submitted");
    assertThat(request.path("requestStatus").asString()).isEqualTo("Accepted");
    assertThat(request.path("isValidationOnly").asBoolean(true)).isFalse();

    // 3.1 Get the status of the request, as the administrator
    JsonNode delivered = awaitCompleted(admin, requestId);
    assertThat(delivered.path("requestState").asString()).isEqualTo("Delivered");
    assertThat(delivered.path("requestStatus").asString()).isEqualTo("FulfilledNotificationTriggered");
    assertThat(delivered.path("requestType").asString()).isEqualTo("UserAdd");
    assertThat(Instant.parse(delivered.path("completedDate").asString()))
        .isAfterOrEqualTo(Instant.parse(delivered.path("createdDateTime").asString()));

    // 3.2 Get access package assignments, by the policy
    String byPolicy = BETA + "/accessPackageAssignments?$filter=accessPackageAssignmentPolicy/Id eq '" + policyId
        + "'&$expand=target,accessPackageAssignmentResourceRoles";
    JsonNode assignment = single(ok(admin.get(byPolicy)).values());
    assertThat(assignment.path("catalogId").asString()).isEqualTo(campaign.catalogId());
    assertThat(assignment.path("accessPackageId").asString()).isEqualTo(campaign.packageId());
    assertThat(assignment.path("assignmentPolicyId").asString()).isEqualTo(policyId);
    assertThat(assignment.path("targetId").asString()).isEqualTo(requestorId);
    assertThat(assignment.path("assignmentStatus").asString()).isEqualTo("Delivered");
    assertThat(assignment.path("assignmentState").asString()).isEqualTo("Delivered");
    assertThat(assignment.path("isExtended").asBoolean(true)).isFalse();
    assertThat(assignment.path("expiredDateTime").isNull()).isTrue();
    assertThat(assignment.path("target").path("objectId").asString()).isEqualTo(requestorId);
    assertThat(assignment.path("target").path("id").asString()).isNotBlank().isNotEqualTo(requestorId);
    assertThat(assignment.path("accessPackageAssignmentResourceRoles")).singleElement().satisfies(role -> {
      assertThat(role.path("id").asString()).isNotBlank();
      assertThat(role.path("originSystem").asString()).isEqualTo("AadGroup");
      assertThat(role.path("originId").asString()).isEqualTo("Member_" + campaign.groupId());
      assertThat(role.path("status").asString()).isEqualTo("Fulfilled");
    });
    // The policy's durationInDays became the assignment's end.
    JsonNode schedule = assignment.path("schedule");
    assertThat(Duration.between(Instant.parse(schedule.path("startDateTime").asString()),
        Instant.parse(schedule.path("expiration").path("endDateTime").asString()))).isEqualTo(Duration.ofDays(30));

    // 3.3 Get the members of the group
    JsonNode member = single(ok(admin.get("/v1.0/groups/" + campaign.groupId() + "/members")).values());
    assertThat(member.path("@odata.type").asString()).isEqualTo("#microsoft.graph.user");
    assertThat(member.path("id").asString()).isEqualTo(requestorId);
    assertThat(member.path("displayName").asString()).isEqualTo("Requestor1");

    // 4 Remove the assignment, by "the id of the assignment request that you previously recorded"
    JsonNode removal = created(admin.post(BETA + "/accessPackageAssignmentRequests", json("""
        {
          "requestType": "AdminRemove",
          "accessPackageAssignment":{
             "id": "%s"
          }
        }""", requestId)));
    assertThat(removal.path("requestType").asString()).isEqualTo("AdminRemove");
    assertThat(removal.path("requestState").asString()).isEqualTo("Submitted");
    assertThat(removal.path("requestStatus").asString()).isEqualTo("Accepted");
    assertThat(awaitCompleted(admin, removal.path("id").asString()).path("requestState").asString()).isEqualTo("Delivered");
    assertThat(campaign.memberIds(admin)).isEmpty();
    JsonNode ended = single(ok(admin.get(byPolicy)).values());
    assertThat(ended.path("id").asString()).isEqualTo(assignment.path("id").asString());
    assertThat(ended.path("assignmentState").asString()).isEqualTo("Expired");
    assertThat(ended.path("expiredDateTime").asString()).isNotBlank();

    // 4 The package cannot go while its policy holds it; the policy goes first, then the package.
    String packagePath = BETA + "/accessPackages/" + campaign.packageId();
    GraphHttp.Answer refused = admin.delete(packagePath);
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(409);
    assertThat(refused.body().path("error").path("message").asString()).contains(policyId);
    Eventually.deleted(admin, BETA + "/accessPackageAssignmentPolicies/" + policyId);
    assertThat(admin.get(BETA + "/accessPackageAssignmentPolicies/" + policyId).status()).isEqualTo(404);
    Eventually.deleted(admin, packagePath);
    assertThat(admin.get(packagePath).status()).isEqualTo(404);
  }

  @Test
  void seed000Steps3To5AsThePowerShellCmdletsSendThem(RunningSystem system) {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Marketing Campaign");
    String requestorId = campaign.requestor().id();

    // New-MgEntitlementManagementAccessPackageAssignmentPolicy -AccessPackageId … -DurationInDays 30 -RequestorSettings
    // $requestorSettings -RequestApprovalSettings $requestApprovalSettings: the hashtables give approvalStages as '[]'.
    JsonNode policy = created(admin.post(BETA + "/accessPackageAssignmentPolicies", json("""
        {"accessPackageId":"%s","displayName":"Specific users","description":"Specific users can request assignment",
         "durationInDays":30,
         "requestorSettings":{"scopeType":"SpecificDirectorySubjects","acceptRequests":true,
           "allowedRequestors":[{"@odata.type":"#microsoft.graph.singleUser","isBackup":false,
             "id":"%s","description":"Requestor1"}]},
         "requestApprovalSettings":{"isApprovalRequired":false,"isApprovalRequiredForExtension":false,
           "isRequestorJustificationRequired":false,"approvalMode":"NoApproval","approvalStages":"[]"}}
        """, campaign.packageId(), requestorId)));
    String policyId = policy.path("id").asString();
    assertThat(policy.path("durationInDays").asInt()).isEqualTo(30);
    assertThat(policy.path("questions").isArray()).isTrue();
    assertThat(policy.path("questions")).isEmpty();
    assertThat(policy.path("createdBy").asString()).isEqualTo(ADMINISTRATOR);

    // 3 New-MgEntitlementManagementAccessPackageAssignmentRequest -RequestType 'UserAdd' -AccessPackageId …
    // -AssignmentPolicyId … -TargetId …, run by Requestor1: the cmdlet adds a schedule starting now, to the second.
    GraphHttp requestor = GraphHttp.withToken(system, campaign.requestor().token(system));
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    JsonNode request = created(requestor.post(BETA + "/accessPackageAssignmentRequests", Map.of(
        "requestType", "UserAdd",
        "accessPackageAssignment", Map.of(
            "targetId", requestorId,
            "assignmentPolicyId", policyId,
            "accessPackageId", campaign.packageId(),
            "schedule", Map.of("startDateTime", now)))));
    String requestId = request.path("id").asString();
    assertThat(request.path("requestState").asString()).isEqualTo("Submitted");

    // 4 Get-MgEntitlementManagementAccessPackageAssignmentRequest -AccessPackageAssignmentRequestId …
    JsonNode delivered = awaitCompleted(admin, requestId);
    assertThat(delivered.path("requestState").asString()).isEqualTo("Delivered");
    assertThat(delivered.path("requestStatus").asString()).isEqualTo("FulfilledNotificationTriggered");
    assertThat(delivered.path("requestType").asString()).isEqualTo("UserAdd");
    assertThat(delivered.path("answers").isArray()).isTrue();
    assertThat(delivered.path("isValidationOnly").asBoolean(true)).isFalse();

    // 4 Get-MgEntitlementManagementAccessPackageAssignment -Filter "(AccessPackageAssignmentPolicy/Id eq '…')"
    JsonNode assignment = single(ok(admin.get(BETA + "/accessPackageAssignments?$filter=(AccessPackageAssignmentPolicy/Id eq '"
        + policyId + "')")).values());
    assertThat(assignment.path("accessPackageId").asString()).isEqualTo(campaign.packageId());
    assertThat(assignment.path("assignmentPolicyId").asString()).isEqualTo(policyId);
    assertThat(assignment.path("catalogId").asString()).isEqualTo(campaign.catalogId());
    assertThat(assignment.path("targetId").asString()).isEqualTo(requestorId);
    assertThat(assignment.path("assignmentState").asString()).isEqualTo("Delivered");
    assertThat(assignment.path("assignmentStatus").asString()).isEqualTo("Delivered");
    assertThat(assignment.path("isExtended").asBoolean(true)).isFalse();
    assertThat(assignment.path("expiredDateTime").isNull()).isTrue();
    assertThat(assignment.path("schedule").path("startDateTime").asString()).isNotBlank();
    String assignmentId = assignment.path("id").asString();

    // 4 Get-MgGroupMember -GroupId … (the beta profile)
    assertThat(ok(admin.get("/beta/groups/" + campaign.groupId() + "/members")).values())
        .extracting(found -> found.path("id").asString()).containsExactly(requestorId);

    // 5 New-MgEntitlementManagementAccessPackageAssignmentRequest -RequestType 'AdminRemove' -AccessPackageAssignmentId …
    JsonNode removal = created(admin.post(BETA + "/accessPackageAssignmentRequests", Map.of(
        "requestType", "AdminRemove",
        "accessPackageAssignment", Map.of("id", assignmentId))));
    assertThat(removal.path("requestType").asString()).isEqualTo("AdminRemove");
    assertThat(removal.path("requestStatus").asString()).isEqualTo("Accepted");
    assertThat(awaitCompleted(admin, removal.path("id").asString()).path("requestState").asString()).isEqualTo("Delivered");
    assertThat(ok(admin.get("/beta/groups/" + campaign.groupId() + "/members")).values()).isEmpty();

    // 5 Remove-MgEntitlementManagementAccessPackageAssignmentPolicy, Remove-MgEntitlementManagementAccessPackage,
    // Remove-MgUser, and the group
    Eventually.deleted(admin, BETA + "/accessPackageAssignmentPolicies/" + policyId);
    Eventually.deleted(admin, BETA + "/accessPackages/" + campaign.packageId());
    assertThat(admin.delete("/beta/users/" + requestorId).status()).isEqualTo(204);
    assertThat(admin.delete("/beta/groups/" + campaign.groupId()).status()).isEqualTo(204);
    assertThat(admin.get("/beta/users/" + requestorId).status()).isEqualTo(404);
    assertThat(admin.get("/beta/groups/" + campaign.groupId()).status()).isEqualTo(404);
  }

  /** Polls the request, as the administrator does in the tutorials, until it is finished one way or the other. */
  static JsonNode awaitCompleted(GraphHttp admin, String requestId) {
    return Eventually.await("request " + requestId + " completed",
        () -> ok(admin.get(BETA + "/accessPackageAssignmentRequests/" + requestId)).body(),
        body -> Eventually.completed(body.path("requestState").asString()));
  }

  /** The tutorial's body with the ids filled in, parsed so it goes out exactly as written. */
  private static JsonNode json(String template, Object... ids) {
    return JSON.readTree(template.formatted(ids));
  }
}
