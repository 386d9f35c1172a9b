package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.e2e.MarketingCampaign.V1;
import static org.quartermaster.e2e.MarketingCampaign.created;
import static org.quartermaster.e2e.MarketingCampaign.ok;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.e2e.MarketingCampaign.Person;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002 section 4 through the gateway: a two-stage policy whose first stage goes to the requestor's manager and
 * escalates to a governance fallback, and whose second goes to the resource owner, with justification required from
 * everyone. Escalation and the automatic denial are reached by moving the clocked system's clock.
 */
@EndToEnd
class ApprovalOverHttpTest {

  static final String APPROVALS = V1 + "/accessPackageAssignmentApprovals";

  /** The people of the scenario, and the campaign whose package they ask for. */
  record TwoStage(MarketingCampaign campaign, String policyId, Person manager, Person fallback, Person owner) {

    static TwoStage build(GraphHttp admin) {
      MarketingCampaign campaign = MarketingCampaign.build(admin, "Payroll reports " + MarketingCampaign.suffix());
      Person manager = MarketingCampaign.createUser(admin, "Manager1");
      Person fallback = MarketingCampaign.createUser(admin, "Governance fallback");
      Person owner = MarketingCampaign.createUser(admin, "Resource owner");
      GraphHttp.Answer managed = admin.put("/v1.0/users/" + campaign.requestor().id() + "/manager/$ref",
          Map.of("@odata.id", "https://graph.microsoft.com/v1.0/users/" + manager.id()));
      assertThat(managed.status()).as("%s", managed.body()).isEqualTo(204);
      String policyId = created(admin.post(V1 + "/assignmentPolicies", Map.of(
          "displayName", "Internal - two-stage with manager",
          "allowedTargetScope", "specificDirectoryUsers",
          "specificAllowedTargets", List.of(Map.of("@odata.type", "#microsoft.graph.singleUser",
              "userId", campaign.requestor().id())),
          "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
          "requestApprovalSettings", Map.of(
              "isApprovalRequiredForAdd", true,
              "isRequestorJustificationRequired", true,
              "stages", List.of(
                  Map.of("durationBeforeAutomaticDenial", "PT15M",
                      "isApproverJustificationRequired", true,
                      "isEscalationEnabled", true,
                      "durationBeforeEscalation", "PT5M",
                      "primaryApprovers", List.of(Map.of("@odata.type", "#microsoft.graph.requestorManager",
                          "managerLevel", 1)),
                      "escalationApprovers", List.of(Map.of("@odata.type", "#microsoft.graph.singleUser",
                          "userId", fallback.id()))),
                  Map.of("durationBeforeAutomaticDenial", "PT15M",
                      "isApproverJustificationRequired", true,
                      "isEscalationEnabled", false,
                      "primaryApprovers", List.of(Map.of("@odata.type", "#microsoft.graph.singleUser",
                          "userId", owner.id()))))),
          "accessPackage", Map.of("id", campaign.packageId())))).path("id").asString();
      return new TwoStage(campaign, policyId, manager, fallback, owner);
    }

    Map<String, Object> userAdd(String justification) {
      Map<String, Object> assignment = Map.of("targetId", campaign.requestor().id(), "assignmentPolicyId", policyId,
          "accessPackageId", campaign.packageId());
      return justification == null ? Map.of("requestType", "userAdd", "assignment", assignment)
          : Map.of("requestType", "userAdd", "assignment", assignment, "justification", justification);
    }

    /** The requestor asks, with the justification the policy requires, and the request waits for stage 1. */
    String submit(RunningSystem system) {
      GraphHttp requestor = as(system, campaign.requestor());
      String requestId = created(requestor.post(V1 + "/assignmentRequests", userAdd("Quarter-end payroll reporting")))
          .path("id").asString();
      JsonNode pending = Eventually.await("stage 1 started", () -> ok(requestor.get(V1 + "/assignmentRequests/" + requestId)).body(),
          body -> "pendingApproval".equals(body.path("state").asString()));
      assertThat(pending.path("status").asString()).isEqualTo("PendingApproval");
      return requestId;
    }
  }

  static GraphHttp as(RunningSystem system, Person person) {
    return GraphHttp.withToken(system, person.token(system));
  }

  static JsonNode stage(GraphHttp graph, String requestId, int index) {
    JsonNode approval = ok(graph.get(APPROVALS + "/" + requestId)).body();
    assertThat(approval.path("id").asString()).isEqualTo(requestId);
    return approval.path("stages").get(index - 1);
  }

  static GraphHttp.Answer decide(GraphHttp approver, String requestId, JsonNode stage, String result, String justification) {
    Map<String, Object> body = justification == null ? Map.of("reviewResult", result)
        : Map.of("reviewResult", result, "justification", justification);
    return approver.patch(APPROVALS + "/" + requestId + "/stages/" + stage.path("id").asString(), body);
  }

  static JsonNode settled(GraphHttp graph, String requestId) {
    return Eventually.await("request " + requestId + " settled",
        () -> ok(graph.get(V1 + "/assignmentRequests/" + requestId)).body(),
        body -> Eventually.completed(body.path("state").asString()));
  }

  @Test
  void approvedAtBothStagesByTheManagerAndTheOwnerTheRequestIsDelivered(ClockedSystem clocked) {
    RunningSystem system = clocked.system();
    GraphHttp admin = GraphHttp.asAdministrator(system);
    TwoStage scenario = TwoStage.build(admin);
    GraphHttp requestor = as(system, scenario.campaign().requestor());
    GraphHttp manager = as(system, scenario.manager());
    GraphHttp owner = as(system, scenario.owner());

    GraphHttp.Answer unjustified = requestor.post(V1 + "/assignmentRequests", scenario.userAdd(null));
    assertThat(unjustified.status()).isEqualTo(400);
    assertThat(unjustified.body().path("error").path("message").asString()).contains("justification");

    String requestId = scenario.submit(system);
    assertThat(ok(manager.get(APPROVALS + "/filterByCurrentUser(on='approver')")).values())
        .extracting(approval -> approval.path("id").asString()).contains(requestId);
    assertThat(ok(owner.get(APPROVALS + "/filterByCurrentUser(on='approver')")).values())
        .extracting(approval -> approval.path("id").asString()).doesNotContain(requestId);

    JsonNode first = stage(manager, requestId, 1);
    JsonNode second = stage(manager, requestId, 2);
    assertThat(first.path("status").asString()).isEqualTo("InProgress");
    assertThat(first.path("assignedToMe").asBoolean()).isTrue();
    // The requestor is not an approver of their own request; the owner's stage has not started.
    assertThat(decide(requestor, requestId, first, "Approve", "self-service").status()).isEqualTo(403);
    assertThat(decide(owner, requestId, second, "Approve", "too early").status()).isEqualTo(409);
    GraphHttp.Answer noReason = decide(manager, requestId, first, "Approve", null);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().path("error").path("message").asString()).contains("justification");

    assertThat(decide(manager, requestId, first, "Approve", "Needed for quarter end").status()).isEqualTo(204);
    assertThat(decide(manager, requestId, first, "Approve", "again").status()).isEqualTo(409);
    JsonNode ownerStage = Eventually.await("stage 2 started", () -> stage(owner, requestId, 2),
        body -> "InProgress".equals(body.path("status").asString()));
    assertThat(ok(owner.get(APPROVALS + "/filterByCurrentUser(on='approver')")).values())
        .extracting(approval -> approval.path("id").asString()).contains(requestId);
    assertThat(decide(owner, requestId, ownerStage, "Approve", "Owner agrees").status()).isEqualTo(204);

    JsonNode done = settled(admin, requestId);
    assertThat(done.path("state").asString()).isEqualTo("delivered");
    assertThat(scenario.campaign().memberIds(admin)).containsExactly(scenario.campaign().requestor().id());
    JsonNode decided = stage(admin, requestId, 1);
    assertThat(decided.path("reviewResult").asString()).isEqualTo("Approve");
    assertThat(decided.path("reviewedBy").path("id").asString()).isEqualTo(scenario.manager().id());
    assertThat(decided.path("justification").asString()).isEqualTo("Needed for quarter end");
  }

  @Test
  void deniedByTheOwnerAtStageTwoTheRequestIsDeniedAndNothingIsGranted(ClockedSystem clocked) {
    RunningSystem system = clocked.system();
    GraphHttp admin = GraphHttp.asAdministrator(system);
    TwoStage scenario = TwoStage.build(admin);
    GraphHttp manager = as(system, scenario.manager());
    GraphHttp owner = as(system, scenario.owner());
    String requestId = scenario.submit(system);

    assertThat(decide(manager, requestId, stage(manager, requestId, 1), "Approve", "Fine by me").status()).isEqualTo(204);
    JsonNode ownerStage = Eventually.await("stage 2 started", () -> stage(owner, requestId, 2),
        body -> "InProgress".equals(body.path("status").asString()));
    assertThat(decide(owner, requestId, ownerStage, "Deny", "Not for contractors").status()).isEqualTo(204);

    JsonNode done = settled(admin, requestId);
    assertThat(done.path("state").asString()).isEqualTo("denied");
    assertThat(stage(owner, requestId, 2).path("reviewResult").asString()).isEqualTo("Deny");
    assertThat(scenario.campaign().memberIds(admin)).isEmpty();
  }

  @Test
  void anUndecidedStageEscalatesToTheFallbackAndALaterStageTimesOutToDenied(ClockedSystem clocked) {
    RunningSystem system = clocked.system();
    GraphHttp admin = GraphHttp.asAdministrator(system);
    TwoStage scenario = TwoStage.build(admin);
    GraphHttp fallback = as(system, scenario.fallback());
    String requestId = scenario.submit(system);
    // Before escalation the fallback is no approver.
    assertThat(decide(fallback, requestId, stage(admin, requestId, 1), "Approve", "early").status()).isEqualTo(403);

    clocked.clock().advance(Duration.ofMinutes(6));

    JsonNode escalated = Eventually.await("stage 1 escalated",
        () -> ok(admin.get(V1 + "/assignmentRequests/" + requestId)).body(),
        body -> "PendingApprovalEscalated".equals(body.path("status").asString()));
    assertThat(escalated.path("state").asString()).isEqualTo("pendingApproval");
    assertThat(ok(fallback.get(APPROVALS + "/filterByCurrentUser(on='approver')")).values())
        .extracting(approval -> approval.path("id").asString()).contains(requestId);
    assertThat(decide(fallback, requestId, stage(fallback, requestId, 1), "Approve", "Manager is away").status())
        .isEqualTo(204);
    Eventually.await("stage 2 started", () -> stage(admin, requestId, 2),
        body -> "InProgress".equals(body.path("status").asString()));

    // Nobody decides stage 2 within its 15 minutes.
    clocked.clock().advance(Duration.ofMinutes(16));

    JsonNode done = settled(admin, requestId);
    assertThat(done.path("state").asString()).isEqualTo("denied");
    assertThat(done.path("@quartermaster.reason").asString()).startsWith("timed out: stage 2");
    assertThat(scenario.campaign().memberIds(admin)).isEmpty();
    GraphHttp owner = as(system, scenario.owner());
    assertThat(decide(owner, requestId, stage(owner, requestId, 2), "Approve", "too late").status()).isEqualTo(409);
  }

  @Test
  void twoOfThreeApproversMustApproveAQuorumStage(RunningSystem system) {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Treasury " + MarketingCampaign.suffix());
    List<Person> board = List.of(MarketingCampaign.createUser(admin, "Approver A"),
        MarketingCampaign.createUser(admin, "Approver B"), MarketingCampaign.createUser(admin, "Approver C"));
    String boardGroup = created(admin.post("/v1.0/groups", Map.of(
        "displayName", "Treasury board " + MarketingCampaign.suffix(),
        "mailEnabled", false,
        "mailNickname", "board" + MarketingCampaign.suffix(),
        "securityEnabled", true,
        "members@odata.bind", board.stream().map(p -> "https://graph.microsoft.com/v1.0/users/" + p.id()).toList())))
        .path("id").asString();
    String policyId = created(admin.post(V1 + "/assignmentPolicies", Map.of(
        "displayName", "Two of the board",
        "allowedTargetScope", "allMemberUsers",
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
        "requestApprovalSettings", Map.of(
            "isApprovalRequiredForAdd", true,
            "stages", List.of(Map.of("durationBeforeAutomaticDenial", "P2D",
                "isApproverJustificationRequired", false,
                "isEscalationEnabled", false,
                "approvalsRequired", 2,
                "primaryApprovers", List.of(Map.of("@odata.type", "#microsoft.graph.groupMembers", "groupId", boardGroup))))),
        "accessPackage", Map.of("id", campaign.packageId())))).path("id").asString();
    GraphHttp requestor = as(system, campaign.requestor());
    String requestId = created(requestor.post(V1 + "/assignmentRequests", Map.of("requestType", "userAdd",
        "assignment", Map.of("targetId", campaign.requestor().id(), "assignmentPolicyId", policyId,
            "accessPackageId", campaign.packageId())))).path("id").asString();
    GraphHttp first = as(system, board.get(0));
    JsonNode quorumStage = Eventually.await("stage 1 started", () -> stage(first, requestId, 1),
        body -> "InProgress".equals(body.path("status").asString()));
    assertThat(quorumStage.path("approvalsRequired").asInt()).isEqualTo(2);

    assertThat(decide(first, requestId, quorumStage, "Approve", null).status()).isEqualTo(204);
    JsonNode stillPending = ok(admin.get(V1 + "/assignmentRequests/" + requestId)).body();
    assertThat(stillPending.path("state").asString()).isEqualTo("pendingApproval");
    assertThat(decide(as(system, board.get(1)), requestId, quorumStage, "Approve", null).status()).isEqualTo(204);

    assertThat(settled(admin, requestId).path("state").asString()).isEqualTo("delivered");
    assertThat(decide(as(system, board.get(2)), requestId, quorumStage, "Approve", null).status()).isEqualTo(409);
    assertThat(campaign.memberIds(admin)).containsExactly(campaign.requestor().id());
  }
}
