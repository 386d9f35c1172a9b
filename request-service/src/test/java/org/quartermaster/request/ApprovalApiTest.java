package org.quartermaster.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestApproved;
import org.quartermaster.events.request.AssignmentRequestDenied;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.AssignmentRequestStageApproved;
import org.quartermaster.events.request.AssignmentRequestStageDenied;
import org.quartermaster.events.request.AssignmentRequestStageEscalated;
import org.quartermaster.events.request.AssignmentRequestStageStarted;
import org.quartermaster.events.request.AssignmentRequestTimedOut;
import org.quartermaster.platform.time.AdjustableClock;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.RunningService;
import org.quartermaster.testing.TopicTap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Multi-stage approval against real Kafka and PostgreSQL: requests wait in pendingApproval, approvers decide through
 * Graph's accessPackageAssignmentApprovals, escalation and timeout fire when the service's clock is moved, and every step
 * is an event on the request topic.
 */
class ApprovalApiTest {

  static final String REQUESTS = "/v1.0/identityGovernance/entitlementManagement/assignmentRequests";
  static final String APPROVALS = "/v1.0/identityGovernance/entitlementManagement/accessPackageAssignmentApprovals";
  static final String BETA_REQUESTS = "/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests";
  static final String BETA_APPROVALS = "/beta/identityGovernance/entitlementManagement/accessPackageAssignmentApprovals";
  static final String BULK = "/quartermaster/v1/accessPackageAssignmentApprovals/decisions";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
  /** The service reads time from this clock: escalations and timeouts come by moving it, never by waiting. */
  static final AdjustableClock CLOCK = AdjustableClock.systemUtc();

  static DevTokens tokens;
  static RequestServiceUnderTest requestService;
  static Upstream upstream;
  static TopicTap requestEvents;
  static final UUID ADMIN = UUID.randomUUID();

  @BeforeAll
  static void start() {
    requestService = new RequestServiceUnderTest("approval", CLOCK, "--quartermaster.request.read-model-wait=5s",
        "--quartermaster.request.approval-sweep-interval=100ms");
    tokens = requestService.tokens();
    upstream = requestService.upstream();
    requestEvents = requestService.requestEvents();
    upstream.user(ADMIN, "Admin1", true);
  }

  @AfterAll
  static void stop() throws Exception {
    requestService.close();
  }

  // ---- the two-stage policy of seed 002 section 4

  /**
   * A requestor with a manager; stage 1 asks the manager and escalates after 5 minutes to a single user, stage 2 asks
   * another single user; both time out after 15 minutes and need the approver's justification, and the requestor must
   * justify the request.
   */
  record TwoStages(UUID requestor, UUID manager, UUID escalation, UUID second, UUID accessPackage, UUID policy) {

    Map<String, Object> userAdd(String justification) {
      Map<String, Object> body = new HashMap<>(Map.of("requestType", "userAdd", "assignment", Map.of("targetId",
          requestor.toString(), "assignmentPolicyId", policy.toString(), "accessPackageId", accessPackage.toString())));
      if (justification != null) {
        body.put("justification", justification);
      }
      return body;
    }
  }

  static TwoStages twoStages() {
    UUID manager = upstream.userWithManager("Manager", null);
    UUID escalation = upstream.userWithManager("Escalation", null);
    UUID second = upstream.userWithManager("Second approver", null);
    UUID requestor = upstream.userWithManager("Requestor", manager);
    UUID accessPackage = upstream.accessPackage("Payments");
    Upstream.Policy policy = new Upstream.Policy(accessPackage).allowUser(requestor, "Requestor");
    policy.displayName = "Two stages";
    policy.justification = true;
    policy.stage("PT15M", "PT5M", 1, true, List.of(Upstream.Policy.requestorManager(1)), List.of(),
        List.of(Upstream.Policy.singleUser(escalation)));
    policy.stage("PT15M", null, 1, true, List.of(Upstream.Policy.singleUser(second)), List.of(), List.of());
    upstream.policyRequiringApproval(policy);
    return new TwoStages(requestor, manager, escalation, second, accessPackage, policy.id);
  }

  @Test
  void approveApproveRequestsDeliveryAndTheApprovalShowsEachStage() {
    TwoStages setup = twoStages();

    assertThat(message(post(as(setup.requestor()), REQUESTS, setup.userAdd(null), 400)))
        .isEqualTo("Assignment policy 'Two stages' requires a justification; the request has none.");
    Map<String, Object> created = post(as(setup.requestor()), REQUESTS, setup.userAdd("Quarter close"), 201);
    UUID requestId = id(created);

    assertThat(created.get("state")).isEqualTo("pendingApproval");
    assertThat(created.get("status")).isEqualTo("PendingApproval");
    List<TopicTap.Received> announced = eventsOf(requestId, 2);
    assertThat(announced).extracting(received -> received.event().getClass().getSimpleName())
        .containsExactly("AssignmentRequestCreated", "AssignmentRequestStageStarted");
    AssignmentRequestStageStarted started = (AssignmentRequestStageStarted) announced.get(1).event();
    assertThat(started.getApproverIds()).containsExactly(setup.manager().toString());
    assertThat(started.getStep().getStage()).isEqualTo(1);
    assertThat(started.getRequest().getStatus()).isEqualTo("PendingApproval");
    assertThat(started.getAutomaticDenialDateTime()).isEqualTo(started.getEscalationDateTime().plus(Duration.ofMinutes(10)));
    Map<String, Object> request = get(admin(), REQUESTS + "/" + requestId);
    assertThat(request.get("state")).isEqualTo("pendingApproval");
    assertThat(request.get("status")).isEqualTo("PendingApproval");

    Map<String, Object> approval = get(as(setup.manager()), APPROVALS + "/" + requestId);
    assertThat(String.valueOf(approval.get("@odata.context"))).endsWith(
        "/v1.0/$metadata#identityGovernance/entitlementManagement/accessPackageAssignmentApprovals/$entity");
    assertThat(approval.get("id")).isEqualTo(requestId.toString());
    List<Map<String, Object>> stages = list(approval, "stages");
    assertThat(stages).extracting(stage -> stage.get("displayName")).containsExactly("Stage 1", "Stage 2");
    assertThat(stages).extracting(stage -> stage.get("status")).containsExactly("InProgress", "NotStarted");
    assertThat(stages.get(0)).containsEntry("assignedToMe", true).containsEntry("reviewResult", "NotReviewed")
        .containsEntry("approvalsRequired", 1).containsEntry("escalated", false);
    String first = String.valueOf(stages.get(0).get("id"));
    String second = String.valueOf(stages.get(1).get("id"));

    // Only the current stage, only with a justification, only once.
    assertThat(message(patch(as(setup.second()), requestId, second, decision("Approve", "fine"), 409)))
        .contains("it has not started; stage 1 is current");
    assertThat(message(patch(as(setup.manager()), requestId, first, decision("Approve", null), 400)))
        .isEqualTo("Stage 1 of policy 'Two stages' requires the approver's justification; the decision has none.");
    patch(as(setup.manager()), requestId, first, decision("Approve", "Budget approved"), 204);
    assertThat(message(patch(as(setup.manager()), requestId, first, decision("Approve", "again"), 409)))
        .contains("stage 1 of approval '" + requestId + "': it is already approved");

    AssignmentRequestStageApproved firstApproved = (AssignmentRequestStageApproved)
        eventsOf(requestId, AssignmentRequestStageApproved.class, 1).get(0).event();
    assertThat(firstApproved.getStageCompleted()).isTrue();
    assertThat(firstApproved.getStep().getApproverId()).isEqualTo(setup.manager().toString());
    assertThat(firstApproved.getStep().getJustification()).isEqualTo("Budget approved");
    AssignmentRequestStageStarted secondStarted = (AssignmentRequestStageStarted)
        eventsOf(requestId, AssignmentRequestStageStarted.class, 2).get(1).event();
    assertThat(secondStarted.getStep().getStage()).isEqualTo(2);
    assertThat(secondStarted.getApproverIds()).containsExactly(setup.second().toString());

    List<Map<String, Object>> afterFirst = values(get(as(setup.second()), APPROVALS + "/" + requestId + "/stages"));
    assertThat(afterFirst.get(0)).containsEntry("status", "Completed").containsEntry("reviewResult", "Approve")
        .containsEntry("justification", "Budget approved").containsEntry("assignedToMe", false);
    assertThat(((Map<?, ?>) afterFirst.get(0).get("reviewedBy")).get("id")).isEqualTo(setup.manager().toString());
    assertThat(((Map<?, ?>) afterFirst.get(0).get("reviewedBy")).get("displayName")).isEqualTo("Manager");
    assertThat(afterFirst.get(1)).containsEntry("status", "InProgress").containsEntry("assignedToMe", true);

    patch(as(setup.second()), requestId, second, decision("Approve", "Looks right"), 204);

    assertThat(eventsOf(requestId, AssignmentRequestDeliveryRequested.class, 1)).hasSize(1);
    AssignmentRequestApproved approved = (AssignmentRequestApproved)
        eventsOf(requestId, AssignmentRequestApproved.class, 1).get(0).event();
    assertThat(approved.getStep().getStage()).isEqualTo(2);
    assertThat(approved.getRequest().getState()).isEqualTo("delivering");
    assertThat(get(admin(), REQUESTS + "/" + requestId).get("state")).isEqualTo("delivering");
    // beta spells stages as steps; the same model behind both
    Map<String, Object> beta = get(as(setup.requestor()), BETA_APPROVALS + "/" + requestId);
    assertThat(list(beta, "steps")).extracting(step -> step.get("reviewResult")).containsExactly("Approve", "Approve");
    Map<String, Object> betaStep = get(as(setup.requestor()), BETA_APPROVALS + "/" + requestId + "/steps/" + second);
    assertThat(betaStep.get("justification")).isEqualTo("Looks right");
  }

  @Test
  void aDenialAtStageTwoDeniesTheRequestWithoutDelivery() {
    TwoStages setup = twoStages();
    UUID requestId = id(post(as(setup.requestor()), REQUESTS, setup.userAdd("Quarter close"), 201));
    Map<String, Object> approval = get(as(setup.manager()), APPROVALS + "/" + requestId);
    List<Map<String, Object>> stages = list(approval, "stages");

    patch(as(setup.manager()), requestId, String.valueOf(stages.get(0).get("id")), decision("Approve", "ok"), 204);
    eventsOf(requestId, AssignmentRequestStageStarted.class, 2);
    patch(as(setup.second()), requestId, String.valueOf(stages.get(1).get("id")), decision("Deny", "Not in scope"), 204);

    AssignmentRequestDenied denied = (AssignmentRequestDenied)
        eventsOf(requestId, AssignmentRequestDenied.class, 1).get(0).event();
    assertThat(denied.getReason()).isEqualTo("Denied at stage 2 of policy 'Two stages' by approver '" + setup.second()
        + "': Not in scope");
    assertThat(denied.getRequest().getState()).isEqualTo("denied");
    assertThat(denied.getRequest().getStatus()).isEqualTo("Denied");
    assertThat(denied.getRequest().getFailureReason()).isEqualTo(denied.getReason());
    assertThat(denied.getStep().getApproverId()).isEqualTo(setup.second().toString());
    assertThat(eventsOf(requestId, AssignmentRequestStageDenied.class, 1)).hasSize(1);
    // The whole transaction is on the topic once Denied is: DeliveryRequested was never among it.
    assertThat(eventsOf(requestId, 5)).noneMatch(received -> received.is(AssignmentRequestDeliveryRequested.class));
    Map<String, Object> request = get(admin(), REQUESTS + "/" + requestId);
    assertThat(request.get("state")).isEqualTo("denied");
    assertThat(request.get("completedDateTime")).isNotNull();
    assertThat(list(get(as(setup.requestor()), APPROVALS + "/" + requestId), "stages").get(1))
        .containsEntry("reviewResult", "Deny").containsEntry("status", "Completed");
  }

  @Test
  void escalationAddsTheEscalationApproverAndATimeoutDeniesTheRequest() {
    TwoStages escalating = twoStages();
    TwoStages waiting = twoStages();
    UUID escalated = id(post(as(escalating.requestor()), REQUESTS, escalating.userAdd("Close"), 201));
    UUID timedOut = id(post(as(waiting.requestor()), REQUESTS, waiting.userAdd("Close"), 201));
    String stage = String.valueOf(list(get(admin(), APPROVALS + "/" + escalated), "stages").get(0).get("id"));
    assertThat(message(patch(as(escalating.escalation()), escalated, stage, decision("Approve", "early"), 403)))
        .contains("is not an approver of stage 1");

    CLOCK.advance(Duration.ofMinutes(6));

    AssignmentRequestStageEscalated escalation = (AssignmentRequestStageEscalated)
        eventsOf(escalated, AssignmentRequestStageEscalated.class, 1).get(0).event();
    assertThat(escalation.getEscalationApproverIds()).containsExactly(escalating.escalation().toString());
    assertThat(escalation.getRequest().getStatus()).isEqualTo("PendingApprovalEscalated");
    Map<String, Object> request = get(admin(), REQUESTS + "/" + escalated);
    assertThat(request.get("state")).isEqualTo("pendingApproval");
    assertThat(request.get("status")).isEqualTo("PendingApprovalEscalated");
    assertThat(list(get(as(escalating.escalation()), APPROVALS + "/" + escalated), "stages").get(0))
        .containsEntry("escalated", true).containsEntry("assignedToMe", true);
    patch(as(escalating.escalation()), escalated, stage, decision("Approve", "On behalf of the manager"), 204);
    assertThat(((AssignmentRequestStageStarted) eventsOf(escalated, AssignmentRequestStageStarted.class, 2).get(1).event())
        .getStep().getStage()).isEqualTo(2);

    CLOCK.advance(Duration.ofMinutes(10));

    AssignmentRequestTimedOut timeout = (AssignmentRequestTimedOut)
        eventsOf(timedOut, AssignmentRequestTimedOut.class, 1).get(0).event();
    assertThat(timeout.getReason())
        .isEqualTo("timed out: stage 1 of policy 'Two stages' was not decided within PT15M");
    assertThat(timeout.getRequest().getState()).isEqualTo("denied");
    assertThat(timeout.getRequest().getFailureReason()).isEqualTo(timeout.getReason());
    assertThat(get(admin(), REQUESTS + "/" + timedOut)).containsEntry("state", "denied")
        .containsEntry("@quartermaster.reason", timeout.getReason());
    assertThat(get(admin(), BETA_REQUESTS + "/" + timedOut)).containsEntry("requestState", "Denied")
        .containsEntry("@quartermaster.reason", timeout.getReason());
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, timedOut))
        .noneMatch(received -> received.is(AssignmentRequestDeliveryRequested.class))
        .filteredOn(received -> received.is(AssignmentRequestTimedOut.class)).hasSize(1);
    // The stage that started at the escalation has its own 15 minutes: still waiting.
    assertThat(get(admin(), REQUESTS + "/" + escalated).get("state")).isEqualTo("pendingApproval");
  }

  // ---- quorum

  @Test
  void twoOfThreeApproversCompleteAQuorumStageAndTheThirdIsTooLate() {
    UUID a = upstream.userWithManager("Approver A", null);
    UUID b = upstream.userWithManager("Approver B", null);
    UUID c = upstream.userWithManager("Approver C", null);
    UUID group = UUID.randomUUID();
    for (UUID member : List.of(a, b, c)) {
      upstream.addMember(group, member);
    }
    UUID requestor = upstream.userWithManager("Quorum requestor", null);
    UUID accessPackage = upstream.accessPackage("Treasury");
    Upstream.Policy policy = new Upstream.Policy(accessPackage).allowUser(requestor, "Quorum requestor");
    policy.displayName = "Two of three";
    policy.stage("PT15M", null, 2, false, List.of(Upstream.Policy.groupMembers(group)), List.of(), List.of());
    upstream.policyRequiringApproval(policy);

    UUID requestId = submitResolved(requestor, userAdd(requestor, policy.id, accessPackage), a, b, c);
    String stage = String.valueOf(list(get(as(a), APPROVALS + "/" + requestId), "stages").get(0).get("id"));

    patch(as(a), requestId, stage, decision("Approve", null), 204);
    AssignmentRequestStageApproved one = (AssignmentRequestStageApproved)
        eventsOf(requestId, AssignmentRequestStageApproved.class, 1).get(0).event();
    assertThat(one.getApprovals()).isEqualTo(1);
    assertThat(one.getApprovalsRequired()).isEqualTo(2);
    assertThat(one.getStageCompleted()).isFalse();
    assertThat(get(admin(), REQUESTS + "/" + requestId).get("state")).isEqualTo("pendingApproval");
    Map<String, Object> partial = list(get(as(b), APPROVALS + "/" + requestId), "stages").get(0);
    assertThat(partial).containsEntry("status", "InProgress").containsEntry("approvalsRequired", 2)
        .containsEntry("reviewResult", "NotReviewed").containsEntry("assignedToMe", true);
    assertThat((List<?>) partial.get("decisions")).hasSize(1);

    patch(as(b), requestId, stage, decision("Approve", null), 204);

    AssignmentRequestStageApproved two = (AssignmentRequestStageApproved)
        eventsOf(requestId, AssignmentRequestStageApproved.class, 2).get(1).event();
    assertThat(two.getApprovals()).isEqualTo(2);
    assertThat(two.getStageCompleted()).isTrue();
    assertThat(eventsOf(requestId, AssignmentRequestDeliveryRequested.class, 1)).hasSize(1);
    assertThat(get(admin(), REQUESTS + "/" + requestId).get("state")).isEqualTo("delivering");
    assertThat(message(patch(as(c), requestId, stage, decision("Approve", null), 409)))
        .contains("is delivering: its approval is closed");
  }

  // ---- who may decide, and what is refused

  @Test
  void refusalsNameTheirCauseAndChangeNothing() {
    UUID approver = upstream.userWithManager("Group approver", null);
    UUID requestor = upstream.userWithManager("Requestor in group", null);
    UUID outsider = upstream.userWithManager("Outsider", null);
    UUID group = UUID.randomUUID();
    upstream.addMember(group, requestor);
    upstream.addMember(group, approver);
    UUID accessPackage = upstream.accessPackage("Audit");
    Upstream.Policy policy = new Upstream.Policy(accessPackage).allowUser(requestor, "Requestor in group");
    policy.displayName = "Group approves";
    policy.stage("PT15M", null, 1, false, List.of(Upstream.Policy.groupMembers(group)), List.of(), List.of());
    upstream.policyRequiringApproval(policy);
    UUID requestId = submitResolved(requestor, userAdd(requestor, policy.id, accessPackage), approver);
    AssignmentRequestStageStarted started = (AssignmentRequestStageStarted)
        eventsOf(requestId, AssignmentRequestStageStarted.class, 1).get(0).event();
    // The requestor is in the group but not among the approvers.
    assertThat(started.getApproverIds()).containsExactly(approver.toString());
    String stage = started.getStep().getStageId();

    assertThat(message(patch(as(requestor), requestId, stage, decision("Approve", null), 403)))
        .contains("made request '" + requestId + "' and cannot decide it");
    assertThat(message(patch(as(outsider), requestId, stage, decision("Approve", null), 403)))
        .contains("User '" + outsider + "' is not an approver of stage 1");
    assertThat(message(patch(as(approver), requestId, stage, decision("Approved", null), 400)))
        .contains("'reviewResult' must be 'Approve' or 'Deny', not 'Approved'");
    as(approver).patch().uri(APPROVALS + "/" + requestId + "/stages/" + stage).contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reviewResult\": ").exchange().expectStatus().isBadRequest();
    assertThat(message(patch(as(approver), UUID.randomUUID(), stage, decision("Approve", null), 404)))
        .contains("accessPackageAssignmentApproval");
    assertThat(message(patch(as(approver), requestId, UUID.randomUUID().toString(), decision("Approve", null), 404)))
        .contains("has no stage");
    // Reading: approvers, the requestor and administrators; not someone with read permission only
    WebTestClient reader = client(tokens.withScopes(outsider, "EntitlementManagement.Read.All"));
    assertThat(message(reader.get().uri(APPROVALS + "/" + requestId).exchange().expectStatus().isForbidden()
        .expectBody(JSON).returnResult().getResponseBody())).contains("is neither an approver, the requestor nor");
    assertThat(get(as(requestor), APPROVALS + "/" + requestId).get("id")).isEqualTo(requestId.toString());
    // Nothing above changed the request.
    assertThat(get(admin(), REQUESTS + "/" + requestId).get("state")).isEqualTo("pendingApproval");
    assertThat(eventsOf(requestId, 2)).hasSize(2);

    // A sentinel that does time out proves the sweeper ran after the clock moved.
    TwoStages sentinel = twoStages();
    UUID sentinelId = id(post(as(sentinel.requestor()), REQUESTS, sentinel.userAdd("Sentinel"), 201));
    as(requestor).post().uri(REQUESTS + "/" + requestId + "/cancel").exchange().expectStatus().isNoContent();
    assertThat(get(admin(), REQUESTS + "/" + requestId).get("state")).isEqualTo("canceled");
    assertThat(message(patch(as(approver), requestId, stage, decision("Approve", null), 409)))
        .contains("is canceled: its approval is closed");
    // The stage nobody decided is over with its request, and waits for nobody any more.
    assertThat(list(get(as(approver), APPROVALS + "/" + requestId), "stages").get(0))
        .containsEntry("status", "Completed").containsEntry("reviewResult", "NotReviewed").containsEntry("assignedToMe", false);

    CLOCK.advance(Duration.ofMinutes(16));

    eventsOf(sentinelId, AssignmentRequestTimedOut.class, 1);
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, requestId))
        .extracting(received -> received.event().getClass().getSimpleName())
        .containsExactly("AssignmentRequestCreated", "AssignmentRequestStageStarted", "AssignmentRequestCanceled");
  }

  // ---- nobody to ask

  @Test
  void fallbackApproversStandInForAMissingManagerAndNobodyAtAllDenies() {
    UUID fallback = upstream.userWithManager("Fallback", null);
    UUID requestor = upstream.userWithManager("Without manager", null);
    UUID accessPackage = upstream.accessPackage("Fallbacks");
    Upstream.Policy withFallback = new Upstream.Policy(accessPackage).allowUser(requestor, "Without manager");
    withFallback.displayName = "Manager or fallback";
    withFallback.stage("PT15M", null, 1, false, List.of(Upstream.Policy.requestorManager(1)),
        List.of(Upstream.Policy.singleUser(fallback)), List.of());
    upstream.policyRequiringApproval(withFallback);
    Upstream.Policy nobody = new Upstream.Policy(accessPackage).allowUser(requestor, "Without manager");
    nobody.displayName = "Manager only";
    nobody.stage("PT15M", null, 1, false, List.of(Upstream.Policy.requestorManager(1)), List.of(), List.of());
    upstream.policyRequiringApproval(nobody);

    UUID waiting = id(post(as(requestor), REQUESTS, userAdd(requestor, withFallback.id, accessPackage), 201));
    assertThat(((AssignmentRequestStageStarted) eventsOf(waiting, AssignmentRequestStageStarted.class, 1).get(0).event())
        .getApproverIds()).containsExactly(fallback.toString());

    Map<String, Object> refused = post(as(requestor), REQUESTS, userAdd(requestor, nobody.id, accessPackage), 201);
    UUID deniedId = id(refused);
    assertThat(refused.get("state")).isEqualTo("denied");
    AssignmentRequestDenied denied = (AssignmentRequestDenied)
        eventsOf(deniedId, AssignmentRequestDenied.class, 1).get(0).event();
    assertThat(denied.getReason()).isEqualTo("Nobody can approve stage 1 of policy 'Manager only': its primary and "
        + "fallback primary approvers resolve to nobody other than the requestor and the target.");
    assertThat(eventsOf(deniedId, 2)).extracting(received -> received.event().getClass().getSimpleName())
        .containsExactly("AssignmentRequestCreated", "AssignmentRequestDenied");
  }

  // ---- an approver's worklist and bulk decisions

  @Test
  void anApproverListsExactlyTheirPendingApprovalsAndDecidesSeveralAtOnce() {
    UUID approver = upstream.userWithManager("Busy approver", null);
    UUID other = upstream.userWithManager("Other approver", null);
    UUID accessPackage = upstream.accessPackage("Bulk");
    List<UUID> mine = new ArrayList<>();
    for (int index = 0; index < 2; index++) {
      UUID requestor = upstream.userWithManager("Bulk requestor " + index, null);
      mine.add(id(post(as(requestor), REQUESTS, userAdd(requestor, singleApproverPolicy(accessPackage, requestor, approver),
          accessPackage), 201)));
    }
    UUID requestor = upstream.userWithManager("Someone else's requestor", null);
    UUID notMine = id(post(as(requestor), REQUESTS, userAdd(requestor, singleApproverPolicy(accessPackage, requestor, other),
        accessPackage), 201));

    Map<String, Object> worklist = get(as(approver), APPROVALS + "/filterByCurrentUser(on='approver')");
    assertThat(String.valueOf(worklist.get("@odata.context")))
        .endsWith("/v1.0/$metadata#identityGovernance/entitlementManagement/accessPackageAssignmentApprovals");
    assertThat(values(worklist)).extracting(approval -> approval.get("id"))
        .containsExactlyInAnyOrderElementsOf(mine.stream().map(UUID::toString).toList());
    assertThat(values(worklist)).allSatisfy(approval ->
        assertThat(list(approval, "stages").get(0)).containsEntry("assignedToMe", true));
    assertThat(values(get(as(approver), REQUESTS + "/filterByCurrentUser(on='approver')")))
        .extracting(request -> request.get("id")).containsExactlyInAnyOrderElementsOf(mine.stream().map(UUID::toString).toList());
    assertThat(message(as(approver).get().uri(APPROVALS + "/filterByCurrentUser(on='target')").exchange()
        .expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody())).contains("'on'");

    Map<String, Object> bulk = post(as(approver), BULK, Map.of("decisions", List.of(
        Map.of("approvalId", mine.get(0).toString(), "reviewResult", "Approve"),
        Map.of("approvalId", mine.get(1).toString(), "reviewResult", "Deny", "justification", "Not this quarter"),
        Map.of("approvalId", notMine.toString(), "reviewResult", "Approve"),
        Map.of("approvalId", "not-a-guid", "reviewResult", "Approve"))), 200);

    List<Map<String, Object>> results = values(bulk);
    assertThat(results).extracting(result -> result.get("status")).containsExactly(204, 204, 403, 400);
    assertThat(results.get(0).get("stageId")).isEqualTo(
        list(get(admin(), APPROVALS + "/" + mine.get(0)), "stages").get(0).get("id"));
    assertThat(((Map<?, ?>) results.get(2).get("error")).get("message").toString()).contains("is not an approver");
    assertThat(get(admin(), REQUESTS + "/" + mine.get(0)).get("state")).isEqualTo("delivering");
    assertThat(get(admin(), REQUESTS + "/" + mine.get(1)).get("state")).isEqualTo("denied");
    assertThat(get(admin(), REQUESTS + "/" + notMine).get("state")).isEqualTo("pendingApproval");
    assertThat(values(get(as(approver), APPROVALS + "/filterByCurrentUser(on='approver')"))).isEmpty();
    assertThat(message(post(as(approver), BULK, Map.of("decisions", List.of()), 400))).contains("'decisions'");
  }

  static UUID singleApproverPolicy(UUID accessPackage, UUID requestor, UUID approver) {
    Upstream.Policy policy = new Upstream.Policy(accessPackage).allowUser(requestor, "Bulk requestor");
    policy.displayName = "Single approver " + requestor;
    policy.stage("PT15M", null, 1, false, List.of(Upstream.Policy.singleUser(approver)), List.of(), List.of());
    return upstream.policyRequiringApproval(policy);
  }

  // ---- durable timers

  @Test
  void aTimerSurvivesARestartAndFiresOnceAcrossTwoInstances() throws Exception {
    TwoStages setup = twoStages();
    UUID requestId = id(post(as(setup.requestor()), REQUESTS, setup.userAdd("Before the restart"), 201));
    eventsOf(requestId, AssignmentRequestStageStarted.class, 1);

    requestService.restart();
    try (RunningService other = requestService.startInstance()) {
      CLOCK.advance(Duration.ofMinutes(16));

      eventsOf(requestId, AssignmentRequestTimedOut.class, 1);
      // A later timer fired too, so both instances have swept since: still one TimedOut for the first request.
      TwoStages later = twoStages();
      UUID laterId = id(post(as(later.requestor()), REQUESTS, later.userAdd("After the restart"), 201));
      eventsOf(laterId, AssignmentRequestStageStarted.class, 1);
      CLOCK.advance(Duration.ofMinutes(16));
      eventsOf(laterId, AssignmentRequestTimedOut.class, 1);
      assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, requestId))
          .filteredOn(received -> received.is(AssignmentRequestTimedOut.class)).hasSize(1);
      assertThat(get(admin(), REQUESTS + "/" + requestId).get("state")).isEqualTo("denied");
    }
  }

  // ---- helpers

  static Map<String, Object> userAdd(UUID requestor, UUID policy, UUID accessPackage) {
    return Map.of("requestType", "userAdd", "assignment", Map.of("targetId", requestor.toString(),
        "assignmentPolicyId", policy.toString(), "accessPackageId", accessPackage.toString()));
  }

  /**
   * Submits once every expected approver was resolved. Group memberships reach this service on their own topic, so a
   * request made before they arrived asked fewer people: it is canceled and made again.
   */
  static UUID submitResolved(UUID requestor, Map<String, Object> body, UUID... approvers) {
    List<UUID> submitted = new ArrayList<>();
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
      Map<String, Object> created = post(as(requestor), REQUESTS, body, 201);
      if ("denied".equals(created.get("state"))) {
        // Nobody was known yet: denied at once, and a new request may be made.
        return false;
      }
      UUID requestId = id(created);
      List<String> resolved = ((AssignmentRequestStageStarted)
          eventsOf(requestId, AssignmentRequestStageStarted.class, 1).get(0).event()).getApproverIds();
      if (resolved.size() == approvers.length) {
        submitted.add(requestId);
        return true;
      }
      as(requestor).post().uri(REQUESTS + "/" + requestId + "/cancel").exchange().expectStatus().isNoContent();
      return false;
    });
    return submitted.get(0);
  }

  static Map<String, Object> decision(String result, String justification) {
    Map<String, Object> body = new HashMap<>();
    body.put("reviewResult", result);
    if (justification != null) {
      body.put("justification", justification);
    }
    return body;
  }

  static Map<String, Object> patch(WebTestClient http, UUID requestId, String stageId, Map<String, Object> body,
      int status) {
    return http.patch().uri(APPROVALS + "/" + requestId + "/stages/" + stageId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
  }

  static Map<String, Object> post(WebTestClient http, String uri, Object body, int status) {
    return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
  }

  static Map<String, Object> get(WebTestClient http, String uri) {
    return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
  }

  static WebTestClient client(String token) {
    return requestService.client(token);
  }

  static WebTestClient as(UUID userId) {
    return requestService.as(userId);
  }

  static WebTestClient admin() {
    return as(ADMIN);
  }

  static String message(Map<String, Object> error) {
    return String.valueOf(((Map<?, ?>) error.get("error")).get("message"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> values(Map<String, Object> collection) {
    return (List<Map<String, Object>>) collection.get("value");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> body, String property) {
    return (List<Map<String, Object>>) body.get(property);
  }

  static UUID id(Map<String, Object> body) {
    return UUID.fromString(String.valueOf(body.get("id")));
  }

  /** The request snapshot every request event carries. */
  static AccessPackageAssignmentRequest snapshot(TopicTap.Received received) {
    SpecificRecord event = received.event();
    return (AccessPackageAssignmentRequest) event.get(event.getSchema().getField("request").pos());
  }

  static boolean about(TopicTap.Received received, UUID requestId) {
    return requestId.toString().equals(snapshot(received).getId());
  }

  static List<TopicTap.Received> eventsOf(UUID requestId, int atLeast) {
    return requestEvents.awaitMatching(received -> about(received, requestId), atLeast);
  }

  static List<TopicTap.Received> eventsOf(UUID requestId, Class<? extends SpecificRecord> type, int atLeast) {
    return requestEvents.awaitMatching(received -> received.is(type) && about(received, requestId), atLeast);
  }
}
