package org.quartermaster.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestApproved;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.AssignmentRequestDenied;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.AssignmentRequestStageStarted;
import org.quartermaster.platform.time.AdjustableClock;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.TopicTap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Launch-and-wait custom extensions against real Kafka and PostgreSQL: a request bound to one at
 * assignmentRequestCreated or assignmentRequestApproved waits in WaitingForCallback, and extension-gateway's callout
 * events (played here as the gateway publishes them) move it on, deny it, or let it time out; the sweeper's safety
 * deadline denies it when no event comes at all.
 */
class CustomExtensionWaitTest {

  static final String REQUESTS = "/v1.0/identityGovernance/entitlementManagement/assignmentRequests";
  static final String BETA_REQUESTS = "/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests";
  static final String APPROVALS = "/v1.0/identityGovernance/entitlementManagement/accessPackageAssignmentApprovals";
  static final String CREATED = "assignmentRequestCreated";
  static final String APPROVED = "assignmentRequestApproved";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
  /** The service reads time from this clock: the safety deadline comes by moving it, never by waiting. */
  static final AdjustableClock CLOCK = AdjustableClock.systemUtc();

  static DevTokens tokens;
  static RequestServiceUnderTest requestService;
  static Upstream upstream;
  static TopicTap requestEvents;
  static final UUID ADMIN = UUID.randomUUID();

  @BeforeAll
  static void start() {
    requestService = new RequestServiceUnderTest("extwait", CLOCK, "--quartermaster.request.read-model-wait=5s",
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

  /** A requestor and a package whose policy binds the given extension at the given stage, without approval. */
  record Setup(UUID requestor, UUID accessPackage, UUID policy, UUID extension) {

    Map<String, Object> userAdd() {
      return CustomExtensionWaitTest.userAdd(requestor, policy, accessPackage);
    }

    Upstream.Callout callout(String stage, UUID requestId, boolean launchAndWait) {
      return new Upstream.Callout(extension, stage, requestId, accessPackage, requestor, launchAndWait);
    }
  }

  static Setup bound(UUID requestor, String extensionName, String durationBeforeTimeout) {
    UUID extension = upstream.customExtension(extensionName, durationBeforeTimeout);
    UUID accessPackage = upstream.accessPackage("Package for " + extensionName);
    Upstream.Policy policy = new Upstream.Policy(accessPackage).allowUser(requestor, "Requestor");
    policy.displayName = "Checked by " + extensionName;
    upstream.policyWithExtensions(policy, false, List.of(Map.entry(CREATED, extension)));
    return new Setup(requestor, accessPackage, policy.id, extension);
  }

  // ---- assignmentRequestCreated

  @Test
  void aCreatedStageCallbackReleasesTheRequestToDeliveryOnceAndTheRecordShowsTheCallout() {
    UUID requestor = upstream.user("Waiting requestor", true);
    Setup setup = bound(requestor, "Ticket check", "PT10M");
    Setup sentinel = bound(requestor, "Sentinel check", "PT10M");

    Map<String, Object> created = post(as(requestor), REQUESTS, setup.userAdd(), 201);
    UUID requestId = id(created);
    assertThat(created).containsEntry("state", "submitted").containsEntry("status", "WaitingForCallback");
    AssignmentRequestCreated announced = (AssignmentRequestCreated)
        eventsOf(requestId, AssignmentRequestCreated.class, 1).get(0).event();
    assertThat(announced.getRequest().getStatus()).isEqualTo("WaitingForCallback");
    assertThat(announced.getRequest().getState()).isEqualTo("submitted");
    // Created and nothing else: the whole transaction is on the topic once Created is.
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, requestId))
        .extracting(received -> received.event().getClass().getSimpleName()).containsExactly("AssignmentRequestCreated");
    assertThat(get(admin(), REQUESTS + "/" + requestId)).containsEntry("status", "WaitingForCallback")
        .containsEntry("customExtensionCalloutInstances", List.of());
    assertThat(values(get(admin(), REQUESTS + "?$filter=status eq 'WaitingForCallback'")))
        .extracting(request -> request.get("id")).contains(requestId.toString());
    assertThat(get(admin(), BETA_REQUESTS + "/" + requestId)).containsEntry("requestStatus", "WaitingForCallback")
        .containsEntry("requestState", "Submitted");

    Upstream.Callout callout = setup.callout(CREATED, requestId, true);
    upstream.invoked(callout);
    awaitCallout(requestId, "waitingForCallback");
    assertThat(get(admin(), REQUESTS + "/" + requestId).get("status")).isEqualTo("WaitingForCallback");

    upstream.callbackReceived(callout, false, "This user is all verified");

    AssignmentRequestDeliveryRequested delivery = (AssignmentRequestDeliveryRequested)
        eventsOf(requestId, AssignmentRequestDeliveryRequested.class, 1).get(0).event();
    assertThat(delivery.getRequest().getStatus()).isEqualTo("Accepted");
    Map<String, Object> request = get(admin(), REQUESTS + "/" + requestId);
    assertThat(request).containsEntry("state", "submitted").containsEntry("status", "Accepted");
    assertThat(calloutsOf(request)).singleElement().satisfies(instance -> assertThat(instance)
        .containsEntry("id", callout.id().toString())
        .containsEntry("customExtensionId", setup.extension().toString())
        .containsEntry("status", "callbackReceived")
        .containsEntry("detail", "This user is all verified")
        .containsEntry("externalCorrelationId", null));
    assertThat(calloutsOf(get(admin(), BETA_REQUESTS + "/" + requestId))).extracting(instance -> instance.get("status"))
        .containsExactly("callbackReceived");

    // The same callback again (the gateway's redelivery, a new event id): nothing changes. A later callback of the same
    // target's other request, on the same partition, shows the repeat was processed.
    upstream.callbackReceived(callout, false, "This user is all verified");
    UUID sentinelId = id(post(as(requestor), REQUESTS, sentinel.userAdd(), 201));
    upstream.callbackReceived(sentinel.callout(CREATED, sentinelId, true), false, "ok");
    eventsOf(sentinelId, AssignmentRequestDeliveryRequested.class, 1);
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, requestId))
        .extracting(received -> received.event().getClass().getSimpleName())
        .containsExactly("AssignmentRequestCreated", "AssignmentRequestDeliveryRequested");
    assertThat(calloutsOf(get(admin(), REQUESTS + "/" + requestId))).hasSize(1);
  }

  @Test
  void aDenyingCallbackATimeoutAndAFailedCallDenyAndNothingIsDelivered() {
    UUID requestor = upstream.user("Denied requestor", true);
    Setup denying = bound(requestor, "Background check", "PT10M");
    Setup silent = bound(requestor, "Silent check", "PT10M");
    Setup failing = bound(requestor, "Broken check", "PT10M");
    UUID denied = id(post(as(requestor), REQUESTS, denying.userAdd(), 201));
    UUID timedOut = id(post(as(requestor), REQUESTS, silent.userAdd(), 201));
    UUID failed = id(post(as(requestor), REQUESTS, failing.userAdd(), 201));
    // Only an awaited callout counts: one of another extension, or a launch-and-continue failure, changes nothing.
    upstream.callbackReceived(silent.callout(CREATED, denied, true), false, "not this request's extension");
    upstream.calloutFailed(failing.callout(CREATED, failed, false), "HTTP 503");

    upstream.callbackReceived(denying.callout(CREATED, denied, true), true, "Not verified");
    upstream.callbackTimedOut(silent.callout(CREATED, timedOut, true));
    upstream.calloutFailed(failing.callout(CREATED, failed, true), "HTTP 500 (after 2 attempts)");

    assertThat(denial(denied)).isEqualTo(
        "denied by custom extension 'Background check' at stage assignmentRequestCreated: Not verified");
    assertThat(denial(timedOut)).isEqualTo(
        "callback timed out: custom extension 'Silent check' at stage assignmentRequestCreated");
    assertThat(denial(failed)).isEqualTo(
        "custom extension 'Broken check' failed at stage assignmentRequestCreated: HTTP 500 (after 2 attempts)");
    for (UUID requestId : List.of(denied, timedOut, failed)) {
      AssignmentRequestDenied event = (AssignmentRequestDenied)
          eventsOf(requestId, AssignmentRequestDenied.class, 1).get(0).event();
      assertThat(event.getRequest().getState()).isEqualTo("denied");
      assertThat(event.getRequest().getStatus()).isEqualTo("Denied");
      assertThat(event.getStep()).isNull();
      Map<String, Object> request = get(admin(), REQUESTS + "/" + requestId);
      assertThat(request).containsEntry("state", "denied").containsEntry("@quartermaster.reason", event.getReason());
      assertThat(request.get("completedDateTime")).isNotNull();
    }
    assertThat(requestEvents.drain(Duration.ofMillis(300)))
        .filteredOn(received -> List.of(denied, timedOut, failed).stream().anyMatch(id -> about(received, id)))
        .noneMatch(received -> received.is(AssignmentRequestDeliveryRequested.class));
    assertThat(calloutsOf(get(admin(), REQUESTS + "/" + timedOut))).extracting(instance -> instance.get("status"))
        .containsExactly("callbackTimedOut");
    assertThat(calloutsOf(get(admin(), REQUESTS + "/" + failed))).extracting(instance -> instance.get("detail"))
        .containsExactly("HTTP 503", "HTTP 500 (after 2 attempts)");
  }

  @Test
  void aLaunchAndContinueExtensionNeverHoldsARequestAndARemovalNeverWaits() {
    UUID requestor = upstream.user("Continuing requestor", true);
    Setup continuing = bound(requestor, "Notify only", null);

    Map<String, Object> created = post(as(requestor), REQUESTS, continuing.userAdd(), 201);
    UUID requestId = id(created);
    assertThat(created).containsEntry("status", "Accepted");
    eventsOf(requestId, AssignmentRequestDeliveryRequested.class, 1);
    Upstream.Callout sent = continuing.callout(CREATED, requestId, false);
    upstream.invoked(sent);
    awaitCallout(requestId, "calloutSent");

    // Delivered, then removed by the administrator under the same policy: the removal goes straight to delivery.
    Upstream.Assignment assignment = new Upstream.Assignment(UUID.randomUUID(), continuing.accessPackage(),
        continuing.policy(), requestor);
    upstream.granted(assignment, requestId);
    awaitState(requestId, "delivered");
    Map<String, Object> removal = post(admin(), REQUESTS, Map.of("requestType", "adminRemove",
        "assignment", Map.of("id", assignment.id().toString())), 201);
    assertThat(removal).containsEntry("status", "Accepted");
    eventsOf(id(removal), AssignmentRequestDeliveryRequested.class, 1);
  }

  @Test
  void anAdminAddWaitsTooAndTheRequestorMayCancelWhileItWaits() {
    UUID requestor = upstream.user("Canceling requestor", true);
    Setup setup = bound(requestor, "Compliance check", "PT10M");
    Map<String, Object> adminAdd = post(admin(), REQUESTS, Map.of("requestType", "adminAdd", "assignment", Map.of(
        "targetId", requestor.toString(), "assignmentPolicyId", setup.policy().toString(),
        "accessPackageId", setup.accessPackage().toString())), 201);
    UUID requestId = id(adminAdd);
    assertThat(adminAdd).containsEntry("status", "WaitingForCallback");

    as(requestor).post().uri(REQUESTS + "/" + requestId + "/cancel").exchange().expectStatus().isNoContent();
    eventsOf(requestId, AssignmentRequestCanceled.class, 1);
    assertThat(get(admin(), REQUESTS + "/" + requestId)).containsEntry("state", "canceled")
        .containsEntry("status", "Canceled");

    // A late callback finds nothing to resume; the record still shows it.
    Upstream.Callout callout = setup.callout(CREATED, requestId, true);
    upstream.callbackReceived(callout, false, "too late");
    awaitCallout(requestId, "callbackReceived");
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, requestId))
        .extracting(received -> received.event().getClass().getSimpleName())
        .containsExactly("AssignmentRequestCreated", "AssignmentRequestCanceled");
    // The package is free again: a new request may be made.
    assertThat(post(as(requestor), REQUESTS, setup.userAdd(), 201)).containsEntry("status", "WaitingForCallback");
  }

  // ---- with approval

  @Test
  void aCreatedStageWaitComesBeforeTheFirstApprovalStage() {
    UUID approver = upstream.userWithManager("Created-stage approver", null);
    UUID requestor = upstream.userWithManager("Created-stage requestor", null);
    UUID extension = upstream.customExtension("Pre-approval check", "PT10M");
    UUID accessPackage = upstream.accessPackage("Checked before approval");
    Upstream.Policy policy = new Upstream.Policy(accessPackage).allowUser(requestor, "Requestor");
    policy.displayName = "Check, then approve";
    policy.stage("PT15M", null, 1, false, List.of(Upstream.Policy.singleUser(approver)), List.of(), List.of());
    upstream.policyWithExtensions(policy, true, List.of(Map.entry(CREATED, extension)));

    Map<String, Object> created = post(as(requestor), REQUESTS, userAdd(requestor, policy.id, accessPackage), 201);
    UUID requestId = id(created);
    assertThat(created).containsEntry("state", "submitted").containsEntry("status", "WaitingForCallback");
    eventsOf(requestId, AssignmentRequestCreated.class, 1);
    assertThat(values(get(as(approver), APPROVALS + "/filterByCurrentUser(on='approver')"))).isEmpty();

    upstream.callbackReceived(new Upstream.Callout(extension, CREATED, requestId, accessPackage, requestor, true), false,
        "checked");

    AssignmentRequestStageStarted started = (AssignmentRequestStageStarted)
        eventsOf(requestId, AssignmentRequestStageStarted.class, 1).get(0).event();
    assertThat(started.getApproverIds()).containsExactly(approver.toString());
    assertThat(get(admin(), REQUESTS + "/" + requestId)).containsEntry("state", "pendingApproval")
        .containsEntry("status", "PendingApproval");
    assertThat(values(get(as(approver), APPROVALS + "/filterByCurrentUser(on='approver')")))
        .extracting(approval -> approval.get("id")).containsExactly(requestId.toString());
  }

  @Test
  void anApprovedStageWaitHoldsDeliveryUntilTheCallbackThenTheGateReleasesIt() {
    UUID approver = upstream.userWithManager("Approved-stage approver", null);
    UUID requestor = upstream.userWithManager("Approved-stage requestor", null);
    UUID extension = upstream.customExtension("Provisioning ticket", "PT10M");
    UUID accessPackage = upstream.accessPackage("Checked after approval");
    Upstream.Policy policy = new Upstream.Policy(accessPackage).allowUser(requestor, "Requestor");
    policy.displayName = "Approve, then check";
    policy.stage("PT15M", null, 1, false, List.of(Upstream.Policy.singleUser(approver)), List.of(), List.of());
    upstream.policyWithExtensions(policy, true, List.of(Map.entry(APPROVED, extension)));

    Map<String, Object> created = post(as(requestor), REQUESTS, userAdd(requestor, policy.id, accessPackage), 201);
    UUID requestId = id(created);
    assertThat(created).containsEntry("state", "pendingApproval").containsEntry("status", "PendingApproval");
    String stage = ((AssignmentRequestStageStarted) eventsOf(requestId, AssignmentRequestStageStarted.class, 1).get(0)
        .event()).getStep().getStageId();

    as(approver).patch().uri(APPROVALS + "/" + requestId + "/stages/" + stage).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reviewResult", "Approve")).exchange().expectStatus().isNoContent();

    AssignmentRequestApproved approved = (AssignmentRequestApproved)
        eventsOf(requestId, AssignmentRequestApproved.class, 1).get(0).event();
    assertThat(approved.getRequest().getState()).isEqualTo("pendingApproval");
    assertThat(approved.getRequest().getStatus()).isEqualTo("WaitingForCallback");
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, requestId))
        .noneMatch(received -> received.is(AssignmentRequestDeliveryRequested.class));
    assertThat(get(admin(), REQUESTS + "/" + requestId)).containsEntry("state", "pendingApproval")
        .containsEntry("status", "WaitingForCallback");
    Map<String, Object> closed = as(approver).patch().uri(APPROVALS + "/" + requestId + "/stages/" + stage)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reviewResult", "Deny")).exchange()
        .expectStatus().isEqualTo(409).expectBody(JSON).returnResult().getResponseBody();
    assertThat(message(closed)).contains("waits for a custom extension's callback at assignmentRequestApproved");

    Upstream.Callout callout = new Upstream.Callout(extension, APPROVED, requestId, accessPackage, requestor, true);
    upstream.invoked(callout);
    upstream.callbackReceived(callout, false, "ticket RITM0042 approved");

    AssignmentRequestDeliveryRequested delivery = (AssignmentRequestDeliveryRequested)
        eventsOf(requestId, AssignmentRequestDeliveryRequested.class, 1).get(0).event();
    assertThat(delivery.getRequest().getState()).isEqualTo("delivering");
    assertThat(delivery.getRequest().getStatus()).isEqualTo("Delivering");
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, requestId))
        .extracting(received -> received.event().getClass().getSimpleName())
        .containsExactly("AssignmentRequestCreated", "AssignmentRequestStageStarted", "AssignmentRequestStageApproved",
            "AssignmentRequestApproved", "AssignmentRequestDeliveryRequested");
    assertThat(calloutsOf(get(admin(), REQUESTS + "/" + requestId))).extracting(instance -> instance.get("status"))
        .containsExactly("callbackReceived");
  }

  @Test
  void anIncompatiblePackageHeldMeanwhileDeniesTheRequestAfterTheCallback() {
    UUID requestor = upstream.user("Incompatible requestor", true);
    Setup setup = bound(requestor, "Slow check", "PT10M");
    UUID held = upstream.accessPackage("Held meanwhile");
    UUID requestId = id(post(as(requestor), REQUESTS, setup.userAdd(), 201));
    eventsOf(requestId, AssignmentRequestCreated.class, 1);
    // While the request waits, the requestor is granted a package the catalog then declares incompatible.
    Upstream.Assignment assignment = new Upstream.Assignment(UUID.randomUUID(), held, UUID.randomUUID(), requestor);
    upstream.granted(assignment, UUID.randomUUID());
    upstream.incompatiblePackage(setup.accessPackage(), held);
    UUID otherPolicy = upstream.policy(new Upstream.Policy(setup.accessPackage()).allowUser(requestor, "Requestor"));
    awaitIncompatible(requestor, setup.accessPackage(), otherPolicy);

    upstream.callbackReceived(setup.callout(CREATED, requestId, true), false, "fine by us");

    AssignmentRequestDenied denied = (AssignmentRequestDenied)
        eventsOf(requestId, AssignmentRequestDenied.class, 1).get(0).event();
    assertThat(denied.getReason()).contains("cannot receive access package 'Package for Slow check'",
        "incompatible with access package 'Held meanwhile'", "(assignment '" + assignment.id() + "')");
    assertThat(denied.getRequest().getState()).isEqualTo("denied");
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, requestId))
        .noneMatch(received -> received.is(AssignmentRequestDeliveryRequested.class));
  }

  // ---- the safety net and durability

  @Test
  void withoutAnyEventTheSafetyDeadlineDeniesOneMinuteAfterTheCallbackTimeout() {
    UUID requestor = upstream.user("Forgotten requestor", true);
    Setup early = bound(requestor, "Forgotten early", "PT5M");
    Setup late = bound(requestor, "Forgotten late", "PT5M");
    UUID first = id(post(as(requestor), REQUESTS, early.userAdd(), 201));
    CLOCK.advance(Duration.ofMinutes(1));
    UUID second = id(post(as(requestor), REQUESTS, late.userAdd(), 201));

    // Past the first request's deadline (5 + 1 minutes), not yet the second's.
    CLOCK.advance(Duration.ofSeconds(5 * 60 + 30));

    assertThat(denial(first)).isEqualTo("callback timed out: custom extension 'Forgotten early' at stage "
        + "assignmentRequestCreated");
    assertThat(get(admin(), REQUESTS + "/" + second)).containsEntry("status", "WaitingForCallback");

    CLOCK.advance(Duration.ofMinutes(1));

    assertThat(denial(second)).isEqualTo("callback timed out: custom extension 'Forgotten late' at stage "
        + "assignmentRequestCreated");
    assertThat(requestEvents.drain(Duration.ofMillis(300))).filteredOn(received -> about(received, first))
        .extracting(received -> received.event().getClass().getSimpleName())
        .containsExactly("AssignmentRequestCreated", "AssignmentRequestDenied");
  }

  @Test
  void aRequestWaitingAcrossARestartGoesOnWithTheCallbackAfterIt() {
    UUID requestor = upstream.user("Restart requestor", true);
    Setup setup = bound(requestor, "Durable check", "PT10M");
    UUID requestId = id(post(as(requestor), REQUESTS, setup.userAdd(), 201));
    eventsOf(requestId, AssignmentRequestCreated.class, 1);
    Upstream.Callout callout = setup.callout(CREATED, requestId, true);
    upstream.invoked(callout);
    awaitCallout(requestId, "waitingForCallback");

    requestService.restart();
    assertThat(get(admin(), REQUESTS + "/" + requestId)).containsEntry("status", "WaitingForCallback");

    upstream.callbackReceived(callout, false, "after the restart");

    eventsOf(requestId, AssignmentRequestDeliveryRequested.class, 1);
    assertThat(get(admin(), REQUESTS + "/" + requestId)).containsEntry("status", "Accepted");
  }

  // ---- helpers

  static Map<String, Object> userAdd(UUID requestor, UUID policy, UUID accessPackage) {
    return Map.of("requestType", "userAdd", "assignment", Map.of("targetId", requestor.toString(),
        "assignmentPolicyId", policy.toString(), "accessPackageId", accessPackage.toString()));
  }

  /** The reason of the request's denial, once it is denied. */
  static String denial(UUID requestId) {
    return ((AssignmentRequestDenied) eventsOf(requestId, AssignmentRequestDenied.class, 1).get(0).event()).getReason();
  }

  /**
   * Waits until separation of duties refuses a validation-only request for the package under another policy (the
   * waiting request is an open one under the first), so the callback that follows is not decided by an event still in
   * flight. Validation stores nothing.
   */
  static void awaitIncompatible(UUID requestor, UUID accessPackage, UUID otherPolicy) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
      var result = as(requestor).post().uri(REQUESTS).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("requestType", "userAdd", "isValidationOnly", true, "assignment", Map.of(
              "targetId", requestor.toString(), "assignmentPolicyId", otherPolicy.toString(),
              "accessPackageId", accessPackage.toString())))
          .exchange().returnResult(String.class);
      String text = result.getResponseBody().blockFirst(Duration.ofSeconds(10));
      return result.getStatus().value() == 409 && String.valueOf(text).contains("incompatible with access package");
    });
  }

  static void awaitCallout(UUID requestId, String status) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
        calloutsOf(get(admin(), REQUESTS + "/" + requestId)).stream().anyMatch(instance -> status.equals(instance.get("status"))));
  }

  static void awaitState(UUID requestId, String state) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
        state.equals(get(admin(), REQUESTS + "/" + requestId).get("state")));
  }

  static Map<String, Object> post(WebTestClient http, String uri, Object body, int status) {
    return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
  }

  static Map<String, Object> get(WebTestClient http, String uri) {
    return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
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
  static List<Map<String, Object>> calloutsOf(Map<String, Object> request) {
    return (List<Map<String, Object>>) request.get("customExtensionCalloutInstances");
  }

  static UUID id(Map<String, Object> body) {
    return UUID.fromString(String.valueOf(body.get("id")));
  }

  static AccessPackageAssignmentRequest snapshot(TopicTap.Received received) {
    SpecificRecord event = received.event();
    return (AccessPackageAssignmentRequest) event.get(event.getSchema().getField("request").pos());
  }

  static boolean about(TopicTap.Received received, UUID requestId) {
    return requestId.toString().equals(snapshot(received).getId());
  }

  static List<TopicTap.Received> eventsOf(UUID requestId, Class<? extends SpecificRecord> type, int atLeast) {
    return requestEvents.awaitMatching(received -> received.is(type) && about(received, requestId), atLeast);
  }
}
