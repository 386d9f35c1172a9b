package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.e2e.MarketingCampaign.V1;
import static org.quartermaster.e2e.MarketingCampaign.created;
import static org.quartermaster.e2e.MarketingCampaign.ok;
import static org.quartermaster.e2e.MarketingCampaign.suffix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.e2e.MarketingCampaign.GroupPackage;
import org.quartermaster.e2e.MarketingCampaign.Person;
import tools.jackson.databind.JsonNode;

/**
 * The bank scenario at the end of seed 002: PAY-Initiators and PAY-Approvers modelled as two access packages in a
 * Payment Operations catalog, eleven people who already hold both, and the incompatibility declared afterwards. The
 * declaration revokes nothing, additionalAccess finds the eleven, and from then on nobody can come to hold both.
 */
@EndToEnd
class SeparationOfDutiesOverHttpTest {

  /** The catalog, the two packages and a self-service policy without approval on each. */
  record PaymentOperations(GroupPackage initiator, String initiatorName, String initiatorPolicy, GroupPackage approver,
      String approverName, String approverPolicy, String catalogId) {

    static PaymentOperations build(GraphHttp admin) {
      String catalogId = created(admin.post(V1 + "/catalogs", Map.of(
          "displayName", "Payment Operations " + suffix(),
          "description", "Wire transfer duties",
          "isExternallyVisible", false))).path("id").asString();
      String initiatorName = "Vendor Payment - Initiator " + suffix();
      String approverName = "Vendor Payment - Approver " + suffix();
      GroupPackage initiator = MarketingCampaign.packageGrantingMembership(admin, catalogId, "PAY-Initiators " + suffix(),
          initiatorName);
      GroupPackage approver = MarketingCampaign.packageGrantingMembership(admin, catalogId, "PAY-Approvers " + suffix(),
          approverName);
      return new PaymentOperations(initiator, initiatorName, selfService(admin, initiator.packageId()), approver,
          approverName, selfService(admin, approver.packageId()), catalogId);
    }

    private static String selfService(GraphHttp admin, String packageId) {
      return created(admin.post(V1 + "/assignmentPolicies", Map.of(
          "displayName", "Payment staff",
          "allowedTargetScope", "allMemberUsers",
          "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
          "accessPackage", Map.of("id", packageId)))).path("id").asString();
    }
  }

  static Map<String, Object> add(String type, String targetId, String packageId, String policyId) {
    return new HashMap<>(Map.of("requestType", type, "assignment",
        Map.of("targetId", targetId, "accessPackageId", packageId, "assignmentPolicyId", policyId)));
  }

  static String delivered(GraphHttp graph, String requestId) {
    JsonNode done = Eventually.await("request " + requestId + " settled",
        () -> ok(graph.get(V1 + "/assignmentRequests/" + requestId)).body(),
        body -> Eventually.completed(body.path("state").asString()));
    assertThat(done.path("state").asString()).as("%s", done).isEqualTo("delivered");
    return requestId;
  }

  /**
   * A request the read models must refuse once they have heard of a declaration: validation-only attempts are
   * repeated until the refusal shows, so no real request is stored while the news travels, and then the real request
   * is made and must be refused too.
   */
  static GraphHttp.Answer refused(GraphHttp graph, Map<String, Object> request) {
    Map<String, Object> dryRun = new HashMap<>(request);
    dryRun.put("isValidationOnly", true);
    Eventually.await("the incompatibility reaches the request service",
        () -> graph.post(V1 + "/assignmentRequests", dryRun), answer -> answer.status() >= 400);
    GraphHttp.Answer answer = graph.post(V1 + "/assignmentRequests", request);
    assertThat(answer.status()).as("%s", answer.body()).isBetween(400, 499);
    return answer;
  }

  static String message(GraphHttp.Answer answer) {
    return answer.body().path("error").path("message").asString();
  }

  @Test
  void elevenGrandfatheredDualHoldersAreListedAndNobodyNewCanHoldBoth(RunningSystem system) {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    PaymentOperations payments = PaymentOperations.build(admin);

    // Before any separation of duties: eleven people hold both packages.
    List<Person> dualHolders = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      Person person = MarketingCampaign.createUser(admin, "Payments clerk " + i);
      dualHolders.add(person);
      requests.add(created(admin.post(V1 + "/assignmentRequests", add("adminAdd", person.id(),
          payments.initiator().packageId(), payments.initiatorPolicy()))).path("id").asString());
      requests.add(created(admin.post(V1 + "/assignmentRequests", add("adminAdd", person.id(),
          payments.approver().packageId(), payments.approverPolicy()))).path("id").asString());
    }
    Person initiatorOnly = MarketingCampaign.createUser(admin, "Initiator only");
    requests.add(created(admin.post(V1 + "/assignmentRequests", add("adminAdd", initiatorOnly.id(),
        payments.initiator().packageId(), payments.initiatorPolicy()))).path("id").asString());
    Person approverOnly = MarketingCampaign.createUser(admin, "Approver only");
    requests.add(created(admin.post(V1 + "/assignmentRequests", add("adminAdd", approverOnly.id(),
        payments.approver().packageId(), payments.approverPolicy()))).path("id").asString());
    requests.forEach(id -> delivered(admin, id));

    // The seed's declaration, on the approver package.
    GraphHttp.Answer declared = admin.post(V1 + "/accessPackages/" + payments.approver().packageId()
        + "/incompatibleAccessPackages/$ref", Map.of("@odata.id",
        "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/"
            + payments.initiator().packageId()));
    assertThat(declared.status()).as("%s", declared.body()).isEqualTo(204);

    // A holder of the initiator package is hard-blocked from the approver package, whoever asks...
    GraphHttp.Answer blocked = refused(admin, add("adminAdd", initiatorOnly.id(), payments.approver().packageId(),
        payments.approverPolicy()));
    assertThat(message(blocked)).contains(payments.initiatorName()).contains(payments.approverName());
    GraphHttp asInitiator = GraphHttp.withToken(system, initiatorOnly.token(system));
    assertThat(message(refused(asInitiator, add("userAdd", initiatorOnly.id(), payments.approver().packageId(),
        payments.approverPolicy())))).contains(payments.initiatorName());
    // ...and, symmetrically, a holder of the approver package from the initiator package.
    GraphHttp asApprover = GraphHttp.withToken(system, approverOnly.token(system));
    assertThat(message(refused(asApprover, add("userAdd", approverOnly.id(), payments.initiator().packageId(),
        payments.initiatorPolicy())))).contains(payments.approverName());

    // Nothing was revoked: additionalAccess lists exactly the eleven, from either side.
    String additional = V1 + "/assignments/additionalAccess(accessPackageId='" + payments.approver().packageId()
        + "',incompatibleAccessPackageId='" + payments.initiator().packageId() + "')?$expand=target,accessPackage";
    List<JsonNode> violators = allPages(admin, additional);
    assertThat(violators).extracting(assignment -> assignment.path("target").path("objectId").asString())
        .containsExactlyInAnyOrderElementsOf(dualHolders.stream().map(Person::id).toList());
    assertThat(violators).allSatisfy(assignment ->
        assertThat(assignment.path("accessPackage").path("id").asString()).isEqualTo(payments.approver().packageId()));
    String reverse = V1 + "/assignments/additionalAccess(accessPackageId='" + payments.initiator().packageId()
        + "',incompatibleAccessPackageId='" + payments.approver().packageId() + "')";
    assertThat(allPages(admin, reverse)).hasSize(11);
    GraphHttp.Answer same = admin.get(V1 + "/assignments/additionalAccess(accessPackageId='" + payments.approver().packageId()
        + "',incompatibleAccessPackageId='" + payments.approver().packageId() + "')");
    assertThat(same.status()).isEqualTo(400);
  }

  @Test
  void aMemberOfALegacyGroupDeclaredIncompatibleIsBlocked(RunningSystem system) {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    PaymentOperations payments = PaymentOperations.build(admin);
    Person legacyMember = MarketingCampaign.createUser(admin, "Legacy initiator");
    String legacyName = "PAY-Initiators legacy " + suffix();
    String legacyGroup = created(admin.post("/v1.0/groups", Map.of(
        "displayName", legacyName,
        "mailEnabled", false,
        "mailNickname", "legacy" + suffix(),
        "securityEnabled", true,
        "members@odata.bind", List.of("https://graph.microsoft.com/v1.0/users/" + legacyMember.id())))).path("id").asString();
    GraphHttp.Answer declared = admin.post(V1 + "/accessPackages/" + payments.approver().packageId()
        + "/incompatibleGroups/$ref", Map.of("@odata.id", "https://graph.microsoft.com/v1.0/groups/" + legacyGroup));
    assertThat(declared.status()).as("%s", declared.body()).isEqualTo(204);

    GraphHttp asMember = GraphHttp.withToken(system, legacyMember.token(system));
    assertThat(message(refused(asMember, add("userAdd", legacyMember.id(), payments.approver().packageId(),
        payments.approverPolicy())))).contains(legacyName);
  }

  @Test
  void twoApprovedRequestsForIncompatiblePackagesDeliverOnlyTheFirst(RunningSystem system) {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    PaymentOperations payments = PaymentOperations.build(admin);
    Person supervisor = MarketingCampaign.createUser(admin, "Payments supervisor");
    String initiatorPolicy = approvedBy(admin, payments.initiator().packageId(), supervisor);
    String approverPolicy = approvedBy(admin, payments.approver().packageId(), supervisor);
    admin.post(V1 + "/accessPackages/" + payments.approver().packageId() + "/incompatibleAccessPackages/$ref",
        Map.of("@odata.id", "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/"
            + payments.initiator().packageId()));
    Person clerk = MarketingCampaign.createUser(admin, "Ambitious clerk");
    GraphHttp asClerk = GraphHttp.withToken(system, clerk.token(system));

    // Both requests may wait for approval side by side: nothing is held yet.
    String first = created(asClerk.post(V1 + "/assignmentRequests", add("userAdd", clerk.id(),
        payments.initiator().packageId(), initiatorPolicy))).path("id").asString();
    String second = created(asClerk.post(V1 + "/assignmentRequests", add("userAdd", clerk.id(),
        payments.approver().packageId(), approverPolicy))).path("id").asString();
    GraphHttp asSupervisor = GraphHttp.withToken(system, supervisor.token(system));
    approve(asSupervisor, first);
    delivered(admin, first);
    approve(asSupervisor, second);

    JsonNode denied = Eventually.await("second request settled",
        () -> ok(admin.get(V1 + "/assignmentRequests/" + second)).body(),
        body -> Eventually.completed(body.path("state").asString()));
    assertThat(denied.path("state").asString()).isEqualTo("denied");
    assertThat(denied.path("@quartermaster.reason").asString())
        .contains("cannot receive access package '" + payments.approverName() + "'", payments.initiatorName());
    assertThat(ok(admin.get("/v1.0/groups/" + payments.approver().groupId() + "/members")).values()).isEmpty();
  }

  private static String approvedBy(GraphHttp admin, String packageId, Person approver) {
    return created(admin.post(V1 + "/assignmentPolicies", Map.of(
        "displayName", "Payment staff, approved by the supervisor",
        "allowedTargetScope", "allMemberUsers",
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
        "requestApprovalSettings", Map.of(
            "isApprovalRequiredForAdd", true,
            "stages", List.of(Map.of("durationBeforeAutomaticDenial", "P1D",
                "isApproverJustificationRequired", false,
                "isEscalationEnabled", false,
                "primaryApprovers", List.of(Map.of("@odata.type", "#microsoft.graph.singleUser", "userId", approver.id()))))),
        "accessPackage", Map.of("id", packageId)))).path("id").asString();
  }

  private static void approve(GraphHttp approver, String requestId) {
    String approvals = V1 + "/accessPackageAssignmentApprovals/" + requestId;
    JsonNode stage = Eventually.await("stage 1 of " + requestId + " started", () -> ok(approver.get(approvals)).body(),
        body -> "InProgress".equals(body.path("stages").path(0).path("status").asString())).path("stages").path(0);
    GraphHttp.Answer decided = approver.patch(approvals + "/stages/" + stage.path("id").asString(),
        Map.of("reviewResult", "Approve", "justification", "Checked"));
    assertThat(decided.status()).as("%s", decided.body()).isEqualTo(204);
  }

  private static List<JsonNode> allPages(GraphHttp graph, String first) {
    List<JsonNode> all = new ArrayList<>();
    String next = first;
    while (next != null) {
      GraphHttp.Answer page = ok(graph.get(next));
      all.addAll(page.values());
      JsonNode link = page.body().path("@odata.nextLink");
      next = link.isMissingNode() || link.isNull() ? null : link.asString();
    }
    return all;
  }
}
