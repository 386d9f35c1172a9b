package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.e2e.MarketingCampaign.V1;
import static org.quartermaster.e2e.MarketingCampaign.created;
import static org.quartermaster.e2e.MarketingCampaign.ok;
import static org.quartermaster.e2e.MarketingCampaign.single;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.e2e.MarketingCampaign.Person;
import tools.jackson.databind.JsonNode;

/**
 * Seed 004, an administrator managing a package's assignments over v1.0 as its PowerShell scripts do: list the
 * delivered ones with their targets, assign a user directly, and remove one found by filter.
 */
@EndToEnd
class AssignmentManagementOverHttpTest {

  @Test
  void seed004ListsAssignsDirectlyAndRemovesByFilterLookup(RunningSystem system) {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    String packageName = "Marketing Campaign " + MarketingCampaign.suffix();
    MarketingCampaign campaign = MarketingCampaign.build(admin, packageName);
    Person requestor = campaign.requestor();
    Person assignee = MarketingCampaign.createUser(admin, "Direct assignee");

    // Direct assignment needs a policy that admits the user: this one admits Requestor1 and the assignee.
    String policyId = created(admin.post(V1 + "/assignmentPolicies", Map.of(
        "displayName", "Specific users",
        "description", "Requestor1 asks; the assignee is assigned",
        "allowedTargetScope", "specificDirectoryUsers",
        "specificAllowedTargets", List.of(
            Map.of("@odata.type", "#microsoft.graph.singleUser", "userId", requestor.id(), "description", "Requestor1"),
            Map.of("@odata.type", "#microsoft.graph.singleUser", "userId", assignee.id(), "description", "Direct assignee")),
        "expiration", Map.of("type", "afterDuration", "duration", "P30D"),
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true, "enableTargetsToSelfRemoveAccess", true),
        "accessPackage", Map.of("id", campaign.packageId())))).path("id").asString();

    // Requestor1 asks for the package themselves.
    GraphHttp asRequestor = GraphHttp.withToken(system, requestor.token(system));
    JsonNode userAdd = created(asRequestor.post(V1 + "/assignmentRequests", Map.of(
        "requestType", "userAdd",
        "assignment", Map.of("targetId", requestor.id(), "assignmentPolicyId", policyId,
            "accessPackageId", campaign.packageId()))));
    assertThat(awaitCompleted(admin, userAdd.path("id").asString()).path("state").asString()).isEqualTo("delivered");

    // Directly assign a user under the package's first policy. The seed finds the policy by $expand on the package,
    // which seed004FindsThePackageByNameWithItsPoliciesExpanded checks; here it is read from the package's policies.
    JsonNode policy = ok(admin.get(V1 + "/accessPackages/" + campaign.packageId() + "/assignmentPolicies")).values().get(0);
    assertThat(policy.path("id").asString()).isEqualTo(policyId);
    Person outsider = MarketingCampaign.createUser(admin, "Outsider");
    GraphHttp.Answer refused = admin.post(V1 + "/assignmentRequests", adminAdd(outsider, policyId, campaign));
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(403);
    assertThat(refused.body().path("error").path("message").asString()).contains(outsider.id() + "' is not allowed");
    JsonNode direct = created(admin.post(V1 + "/assignmentRequests", adminAdd(assignee, policy.path("id").asString(), campaign)));
    assertThat(direct.path("requestType").asString()).isEqualTo("adminAdd");
    assertThat(direct.path("state").asString()).isEqualTo("submitted");
    assertThat(awaitCompleted(admin, direct.path("id").asString()).path("state").asString()).isEqualTo("delivered");
    assertThat(campaign.memberIds(admin)).containsExactlyInAnyOrder(requestor.id(), assignee.id());

    // View assignments: the package's delivered ones, with their targets, as the CSV export reads them.
    String delivered = V1 + "/assignments?$filter=accessPackage/id eq '" + campaign.packageId()
        + "' and state eq 'Delivered'&$expand=target";
    List<JsonNode> assignments = ok(admin.get(delivered)).values();
    assertThat(assignments).hasSize(2).allSatisfy(assignment -> {
      assertThat(assignment.path("state").asString()).isEqualTo("delivered");
      assertThat(assignment.path("status").asString()).isEqualTo("Delivered");
      assertThat(assignment.path("target").path("id").asString()).isNotBlank();
      assertThat(assignment.path("target").path("subjectType").asString()).isEqualTo("user");
    });
    assertThat(assignments).extracting(assignment -> columns(assignment.path("target"))).containsExactlyInAnyOrder(
        List.of(requestor.id(), "Requestor1", requestor.principalName()),
        List.of(assignee.id(), "Direct assignee", assignee.principalName()));

    // Remove an assignment: found by package, state and target, then removed by its id.
    JsonNode found = single(ok(admin.get(V1 + "/assignments?$filter=accessPackage/Id eq '" + campaign.packageId()
        + "' and state eq 'Delivered' and target/objectId eq '" + assignee.id() + "'&$expand=target")).values());
    assertThat(found.path("target").path("objectId").asString()).isEqualTo(assignee.id());
    assertThat(single(ok(admin.get(V1 + "/assignments?$filter=accessPackage/id eq '" + campaign.packageId()
        + "' and target/objectid eq '" + assignee.id() + "'")).values()).path("id").asString())
        .isEqualTo(found.path("id").asString());
    JsonNode adminRemove = created(admin.post(V1 + "/assignmentRequests", Map.of(
        "requestType", "adminRemove",
        "assignment", Map.of("id", found.path("id").asString()))));
    assertThat(awaitCompleted(admin, adminRemove.path("id").asString()).path("state").asString()).isEqualTo("delivered");

    assertThat(campaign.memberIds(admin)).containsExactly(requestor.id());
    assertThat(ok(admin.get(delivered)).values()).extracting(assignment -> assignment.path("target").path("objectId").asString())
        .containsExactly(requestor.id());
    JsonNode removed = ok(admin.get(V1 + "/assignments/" + found.path("id").asString())).body();
    assertThat(removed.path("state").asString()).isEqualTo("expired");
    assertThat(removed.path("expiredDateTime").asString()).isNotBlank();
  }

  @Test
  void seed004FindsThePackageByNameWithItsPoliciesExpanded(RunningSystem system) {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    String packageName = "Marketing Campaign " + MarketingCampaign.suffix();
    MarketingCampaign campaign = MarketingCampaign.build(admin, packageName);
    String policyId = created(admin.post(V1 + "/assignmentPolicies", Map.of(
        "displayName", "Direct assignments",
        "allowedTargetScope", "allMemberUsers",
        "expiration", Map.of("type", "noExpiration"),
        "accessPackage", Map.of("id", campaign.packageId())))).path("id").asString();

    // Get-MgEntitlementManagementAccessPackage -Filter "displayname eq '…'" -ExpandProperty "assignmentpolicies", then
    // $accesspackage.AssignmentPolicies[0]: the catalog learns of policies from the policy service's events.
    JsonNode accessPackage = Eventually.await("the package with its policy", () -> single(ok(admin.get(V1
            + "/accessPackages?$filter=displayname eq '" + packageName + "'&$expand=assignmentpolicies")).values()),
        found -> found.path("assignmentPolicies").size() > 0);
    assertThat(accessPackage.path("id").asString()).isEqualTo(campaign.packageId());
    assertThat(accessPackage.path("assignmentPolicies")).singleElement().satisfies(policy -> {
      assertThat(policy.path("id").asString()).isEqualTo(policyId);
      assertThat(policy.path("displayName").asString()).isEqualTo("Direct assignments");
    });
  }

  /** The seed's $params: requestType adminAdd and the assignment's target, policy and package. */
  private static Map<String, Object> adminAdd(Person target, String policyId, MarketingCampaign campaign) {
    return Map.of("requestType", "adminAdd", "assignment", Map.of(
        "targetId", target.id(), "assignmentPolicyId", policyId, "accessPackageId", campaign.packageId()));
  }

  /** The target's columns the seed's CSV export writes after its id: ObjectId, DisplayName, PrincipalName. */
  private static List<String> columns(JsonNode target) {
    return List.of(target.path("objectId").asString(), target.path("displayName").asString(),
        target.path("principalName").asString());
  }

  private static JsonNode awaitCompleted(GraphHttp admin, String requestId) {
    return Eventually.await("request " + requestId + " completed",
        () -> ok(admin.get(V1 + "/assignmentRequests/" + requestId)).body(),
        body -> Eventually.completed(body.path("state").asString()));
  }
}
