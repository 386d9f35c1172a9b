package org.quartermaster.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.AssignmentRequestDelivered;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.AssignmentRequestFailed;
import org.quartermaster.events.policy.PolicyQuestion;
import org.quartermaster.platform.time.AdjustableClock;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.TopicTap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The request service's Graph API and its events against real Kafka and PostgreSQL. The directory, the catalog, the
 * policy service and provisioning are played by publishing their real Avro events, so every read model is fed exactly
 * as in production and every provisioning outcome can be chosen.
 */
class RequestApiTest {

  static final String V1 = "/v1.0/identityGovernance/entitlementManagement/assignmentRequests";
  static final String BETA = "/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests";
  static final String BULK = "/quartermaster/v1/assignmentRequests/bulk";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
  /** The service reads time from this clock, so the 14-day reprocess window is crossed by moving it, not by waiting. */
  static final AdjustableClock CLOCK = AdjustableClock.systemUtc();

  static DevTokens tokens;
  static RequestServiceUnderTest requestService;
  static Upstream upstream;
  static TopicTap requestEvents;
  static UUID adminId = UUID.randomUUID();
  static WebTestClient admin;

  @BeforeAll
  static void start() {
    requestService = new RequestServiceUnderTest("request", CLOCK, "--quartermaster.request.read-model-wait=500ms");
    tokens = requestService.tokens();
    upstream = requestService.upstream();
    requestEvents = requestService.requestEvents();
    admin = client(tokens.forUser(adminId, "admin@contoso.com"));
    upstream.user(adminId, "Admin1", true);
    // The consumers join their groups while the service starts; a first request that validates proves the read models
    // are fed, so the tests' short read-model wait only ever covers an event's own latency.
    Setup warmUp = setup();
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
      Map<String, Object> body = new HashMap<>(warmUp.userAdd());
      body.put("isValidationOnly", true);
      return warmUp.http().post().uri(V1).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
          .returnResult(String.class).getStatus().value() == 200;
    });
  }

  @AfterAll
  static void stop() throws Exception {
    requestService.close();
  }

  static WebTestClient client(String token) {
    return requestService.client(token);
  }

  static WebTestClient as(UUID userId) {
    return requestService.as(userId);
  }

  // ---- a package with a tutorial policy for a fresh user

  /** A user, an access package and the "Specific users" policy that admits that user, all known to the service. */
  record Setup(UUID user, UUID accessPackage, UUID policy, WebTestClient http) {

    Map<String, Object> userAdd() {
      return Map.of("requestType", "userAdd", "assignment",
          Map.of("targetId", user.toString(), "assignmentPolicyId", policy.toString(), "accessPackageId", accessPackage.toString()));
    }

    Upstream.Assignment assignment() {
      return new Upstream.Assignment(UUID.randomUUID(), accessPackage, policy, user);
    }
  }

  static Setup setup() {
    UUID user = upstream.user("Requestor1", true);
    UUID accessPackage = upstream.accessPackage("Marketing Campaign");
    UUID policy = upstream.policy(new Upstream.Policy(accessPackage).allowUser(user, "Requestor1"));
    return new Setup(user, accessPackage, policy, as(user));
  }

  // ---- HTTP helpers

  static Map<String, Object> post(WebTestClient http, String uri, Object body, int status) {
    return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
  }

  static Map<String, Object> get(WebTestClient http, String uri) {
    return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
  }

  static String message(Map<String, Object> error) {
    return String.valueOf(((Map<?, ?>) error.get("error")).get("message"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> values(Map<String, Object> collection) {
    return (List<Map<String, Object>>) collection.get("value");
  }

  static UUID id(Map<String, Object> request) {
    return UUID.fromString(String.valueOf(request.get("id")));
  }

  /** Waits until the request reaches the state (read models and consumers are asynchronous), and returns it. */
  static Map<String, Object> awaitState(UUID requestId, String state) {
    List<Map<String, Object>> last = new ArrayList<>();
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25)).until(() -> {
      Map<String, Object> request = get(admin, V1 + "/" + requestId);
      last.clear();
      last.add(request);
      return state.equals(request.get("state"));
    });
    return last.get(0);
  }

  /** The request events about one request, in topic order. */
  static List<TopicTap.Received> eventsOf(UUID requestId, int atLeast) {
    return requestEvents.awaitMatching(received -> requestId.toString().equals(snapshot(received).getId()), atLeast);
  }

  static List<TopicTap.Received> eventsOf(UUID requestId, Class<?> type, int atLeast) {
    Predicate<TopicTap.Received> matches = received -> type.isInstance(received.event())
        && requestId.toString().equals(snapshot(received).getId());
    return requestEvents.awaitMatching(matches, atLeast);
  }

  static AccessPackageAssignmentRequest snapshot(TopicTap.Received received) {
    Object event = received.event();
    if (event instanceof AssignmentRequestCreated created) {
      return created.getRequest();
    }
    if (event instanceof AssignmentRequestDeliveryRequested requested) {
      return requested.getRequest();
    }
    if (event instanceof AssignmentRequestDelivered delivered) {
      return delivered.getRequest();
    }
    if (event instanceof AssignmentRequestFailed failed) {
      return failed.getRequest();
    }
    return ((AssignmentRequestCanceled) event).getRequest();
  }

  /** Delivers an add the way provisioning does: the assignment is created, then every role granted. */
  static Upstream.Assignment deliver(Setup setup, UUID requestId) {
    Upstream.Assignment assignment = setup.assignment();
    upstream.created(assignment, requestId);
    upstream.granted(assignment, requestId);
    awaitState(requestId, "delivered");
    return assignment;
  }

  // ---- the tests

  @Test
  void aUserAddByAnAllowedUserIsSubmittedAnnouncedAndDeliveredAsProvisioningReports() {
    Setup setup = setup();

    Map<String, Object> created = post(setup.http(), V1, setup.userAdd(), 201);

    assertThat(created.get("requestType")).isEqualTo("userAdd");
    assertThat(created.get("state")).isEqualTo("submitted");
    assertThat(created.get("status")).isEqualTo("Accepted");
    assertThat(created.get("createdDateTime")).isNotNull();
    assertThat(created.get("completedDateTime")).isNull();
    UUID requestId = id(created);
    // Created, then DeliveryRequested, one after the other on the target's partition, keyed by the target.
    List<TopicTap.Received> announced = eventsOf(requestId, 2);
    assertThat(announced).extracting(received -> received.event().getClass().getSimpleName())
        .containsExactly("AssignmentRequestCreated", "AssignmentRequestDeliveryRequested");
    assertThat(announced).allSatisfy(received -> assertThat(received.key()).isEqualTo(setup.user().toString()));
    assertThat(announced.get(0).partition()).isEqualTo(announced.get(1).partition());
    assertThat(announced.get(0).offset()).isLessThan(announced.get(1).offset());
    AccessPackageAssignmentRequest requested = snapshot(announced.get(1));
    assertThat(requested.getRequestType()).isEqualTo("userAdd");
    assertThat(requested.getAccessPackageId()).isEqualTo(setup.accessPackage().toString());
    assertThat(requested.getAssignmentPolicyId()).isEqualTo(setup.policy().toString());
    assertThat(requested.getTargetId()).isEqualTo(setup.user().toString());
    assertThat(requested.getRequestorId()).isEqualTo(setup.user().toString());
    assertThat(requested.getSchedule().getExpirationType()).isEqualTo("afterDuration");
    assertThat(requested.getSchedule().getDuration()).isEqualTo("P30D");

    Upstream.Assignment assignment = setup.assignment();
    upstream.created(assignment, requestId);
    awaitState(requestId, "delivering");
    upstream.granted(assignment, requestId);
    Map<String, Object> delivered = awaitState(requestId, "delivered");

    assertThat(delivered.get("status")).isEqualTo("Delivered");
    assertThat(delivered.get("completedDateTime")).isNotNull();
    TopicTap.Received announcedDelivery = eventsOf(requestId, AssignmentRequestDelivered.class, 1).get(0);
    assertThat(announcedDelivery.key()).isEqualTo(setup.user().toString());
    assertThat(snapshot(announcedDelivery).getAssignmentId()).isEqualTo(assignment.id().toString());
    // The navigations come from the read models.
    Map<String, Object> expanded = get(admin, V1 + "/" + requestId + "?$expand=accessPackage,assignment($expand=target),requestor");
    assertThat(((Map<?, ?>) expanded.get("accessPackage")).get("displayName")).isEqualTo("Marketing Campaign");
    Map<?, ?> expandedAssignment = (Map<?, ?>) expanded.get("assignment");
    assertThat(expandedAssignment.get("id")).isEqualTo(assignment.id().toString());
    assertThat(expandedAssignment.get("state")).isEqualTo("delivered");
    assertThat(((Map<?, ?>) expandedAssignment.get("target")).get("objectId")).isEqualTo(setup.user().toString());
    assertThat(((Map<?, ?>) expanded.get("requestor")).get("displayName")).isEqualTo("Requestor1");
    // The user holds the package now: asking again duplicates it.
    assertThat(message(post(setup.http(), V1, setup.userAdd(), 409))).contains("already has assignment '" + assignment.id());
  }

  @Test
  void eachValidationClauseIsRefusedWithItsMessage() {
    UUID requestor = upstream.user("Requestor2", true);
    UUID outsider = upstream.user("Outsider", true);
    UUID accessPackage = upstream.accessPackage("Sales Campaign");
    UUID otherPackage = upstream.accessPackage("Other Campaign");
    Upstream.Policy strict = new Upstream.Policy(accessPackage).allowUser(requestor, "Requestor2");
    strict.displayName = "Strict users";
    strict.justification = true;
    strict.questions.add(new PolicyQuestion("region", "multipleChoice", 0, true, "Region?", List.of("emea", "apac"), false, null));
    upstream.policy(strict);
    Upstream.Policy noSelfService = new Upstream.Policy(accessPackage).allowUser(requestor, "Requestor2");
    noSelfService.displayName = "Admins only";
    noSelfService.selfAdd = false;
    upstream.policy(noSelfService);
    UUID foreign = upstream.policy(new Upstream.Policy(otherPackage).allowUser(requestor, "Requestor2"));
    WebTestClient http = as(requestor);

    // 1. the policy belongs to the package
    assertThat(message(post(http, V1, add(requestor, foreign, accessPackage), 400)))
        .contains("belongs to access package '" + otherPackage + "'");
    // 2. the caller is allowed: in the policy's scope, for themself, with self-service on, or an administrator
    assertThat(message(post(as(outsider), V1, add(outsider, strict.id, accessPackage), 403)))
        .isEqualTo("Assignment policy 'Strict users' allows user '" + requestor + "' (Requestor2) only; user '" + outsider
            + "' is not allowed.");
    assertThat(message(post(http, V1, add(outsider, strict.id, accessPackage), 403)))
        .contains("the caller '" + requestor + "' is not the target '" + outsider + "'");
    assertThat(message(post(http, V1, add(requestor, noSelfService.id, accessPackage), 403)))
        .contains("Assignment policy 'Admins only' does not let users request access for themselves");
    Map<String, Object> adminAdd = new HashMap<>(add(requestor, strict.id, accessPackage));
    adminAdd.put("requestType", "adminAdd");
    assertThat(message(post(client(tokens.withScopes(requestor, "EntitlementManagement.Read.All")), V1, adminAdd, 403)))
        .contains("needs the EntitlementManagement.ReadWrite.All permission");
    // 3. justification
    Map<String, Object> request = new HashMap<>(add(requestor, strict.id, accessPackage));
    assertThat(message(post(http, V1, request, 400)))
        .isEqualTo("Assignment policy 'Strict users' requires a justification; the request has none.");
    // 4. questions
    request.put("justification", "I run the sales campaign");
    assertThat(message(post(http, V1, request, 400))).contains("requires an answer to question 'Region?' (region)");
    request.put("answers", List.of(answer("region", "amer")));
    assertThat(message(post(http, V1, request, 400))).contains("must be one of 'emea', 'apac'; got 'amer'");
    // 5. schedule
    request.put("answers", List.of(answer("region", "emea")));
    request.put("schedule", Map.of("startDateTime", CLOCK.instant().plus(Duration.ofDays(3)).toString(),
        "expiration", Map.of("type", "afterDuration", "duration", "P7D")));
    assertThat(message(post(http, V1, request, 400))).contains("does not allow a custom assignment schedule");
    request.remove("schedule");
    Map<String, Object> created = post(http, V1, request, 201);
    assertThat(created.get("justification")).isEqualTo("I run the sales campaign");
    assertThat((List<?>) created.get("answers")).singleElement().satisfies(answer -> {
      assertThat(((Map<?, ?>) answer).get("@odata.type")).isEqualTo("#microsoft.graph.accessPackageAnswerString");
      assertThat(((Map<?, ?>) answer).get("value")).isEqualTo("emea");
      assertThat(((Map<?, ?>) ((Map<?, ?>) answer).get("answeredQuestion")).get("id")).isEqualTo("region");
    });
    // 6. no duplicate of an open request
    assertThat(message(post(http, V1, request, 409))).contains("already has open request '" + id(created) + "' (submitted)");
  }

  @Test
  void membersOfAnAllowedGroupMayRequestOnceTheMembershipArrives() {
    UUID member = upstream.user("Group member", true);
    UUID group = UUID.randomUUID();
    UUID accessPackage = upstream.accessPackage("Group Campaign");
    UUID policy = upstream.policy(new Upstream.Policy(accessPackage).allowGroup(group));
    WebTestClient http = as(member);
    assertThat(message(post(http, V1, add(member, policy, accessPackage), 403))).contains("members of group '" + group + "'");

    upstream.addMember(group, member);

    // A refused request stores nothing, so trying until the membership reaches the read model is safe.
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() ->
        http.post().uri(V1).contentType(MediaType.APPLICATION_JSON).bodyValue(add(member, policy, accessPackage))
            .exchange().returnResult(String.class).getStatus().value() == 201);
  }

  @Test
  void anAdministratorRemovesADeliveredAssignment() {
    Setup setup = setup();
    UUID addId = id(post(setup.http(), V1, setup.userAdd(), 201));
    Upstream.Assignment assignment = deliver(setup, addId);

    Map<String, Object> removal = post(admin, V1, Map.of("requestType", "adminRemove",
        "assignment", Map.of("id", assignment.id().toString())), 201);

    assertThat(removal.get("requestType")).isEqualTo("adminRemove");
    assertThat(removal.get("state")).isEqualTo("submitted");
    UUID removalId = id(removal);
    AccessPackageAssignmentRequest requested = snapshot(eventsOf(removalId, AssignmentRequestDeliveryRequested.class, 1).get(0));
    assertThat(requested.getAssignmentId()).isEqualTo(assignment.id().toString());
    assertThat(requested.getTargetId()).isEqualTo(setup.user().toString());
    assertThat(requested.getRequestorId()).isEqualTo(adminId.toString());
    // Removing it twice at once is one removal too many.
    assertThat(message(post(admin, V1, Map.of("requestType", "adminRemove", "assignment",
        Map.of("id", assignment.id().toString())), 409))).contains("already has open adminRemove request");

    upstream.removed(assignment, removalId);

    awaitState(removalId, "delivered");
    eventsOf(removalId, AssignmentRequestDelivered.class, 1);
    assertThat(get(admin, V1 + "/" + addId).get("state")).isEqualTo("delivered");
    // The assignment is gone, so it cannot be removed again, and the user may ask for the package again.
    assertThat(message(post(admin, V1, Map.of("requestType", "adminRemove", "assignment",
        Map.of("id", assignment.id().toString())), 409))).contains("is removed: there is nothing to remove");
    post(setup.http(), V1, setup.userAdd(), 201);
    assertThat(message(post(admin, V1, Map.of("requestType", "adminRemove", "assignment",
        Map.of("id", UUID.randomUUID().toString())), 404))).contains("does not exist");
  }

  @Test
  void aRequestIsCanceledBeforeDeliveryButNotAfter() {
    Setup setup = setup();
    UUID requestId = id(post(setup.http(), V1, setup.userAdd(), 201));

    setup.http().post().uri(V1 + "/" + requestId + "/cancel").exchange().expectStatus().isNoContent();

    Map<String, Object> canceled = get(admin, V1 + "/" + requestId);
    assertThat(canceled.get("state")).isEqualTo("canceled");
    assertThat(canceled.get("status")).isEqualTo("Canceled");
    assertThat(eventsOf(requestId, AssignmentRequestCanceled.class, 1).get(0).key()).isEqualTo(setup.user().toString());
    // Canceling again changes nothing.
    setup.http().post().uri(V1 + "/" + requestId + "/cancel").exchange().expectStatus().isNoContent();
    // Someone else's request is not theirs to cancel, unless they administer entitlements.
    WebTestClient reader = client(tokens.withScopes(UUID.randomUUID(), "EntitlementManagement.Read.All"));
    assertThat(message(reader.post().uri(V1 + "/" + requestId + "/cancel").exchange().expectStatus().isForbidden()
        .expectBody(JSON).returnResult().getResponseBody())).contains("Only the requestor, the target or an administrator");

    UUID deliveredId = id(post(setup.http(), V1, setup.userAdd(), 201));
    deliver(setup, deliveredId);
    Map<String, Object> refused = setup.http().post().uri(V1 + "/" + deliveredId + "/cancel").exchange()
        .expectStatus().isEqualTo(409).expectBody(JSON).returnResult().getResponseBody();
    assertThat(message(refused)).contains("is delivered: it cannot be canceled");
  }

  @Test
  void aFailedDeliveryIsReprocessedWithinFourteenDays() {
    Setup setup = setup();
    UUID requestId = id(post(setup.http(), V1, setup.userAdd(), 201));
    Upstream.Assignment assignment = setup.assignment();
    upstream.created(assignment, requestId);
    upstream.failed(assignment, requestId, "Group 'Marketing resources' no longer exists.");

    awaitState(requestId, "deliveryFailed");
    AssignmentRequestFailed failed = (AssignmentRequestFailed) eventsOf(requestId, AssignmentRequestFailed.class, 1).get(0)
        .event();
    assertThat(failed.getReason()).isEqualTo("Group 'Marketing resources' no longer exists.");
    assertThat(failed.getRequest().getState()).isEqualTo("deliveryFailed");

    admin.post().uri(V1 + "/" + requestId + "/reprocess").exchange().expectStatus().isAccepted();

    assertThat(get(admin, V1 + "/" + requestId).get("state")).isEqualTo("delivering");
    assertThat(eventsOf(requestId, AssignmentRequestDeliveryRequested.class, 2)).hasSize(2);
    assertThat(message(admin.post().uri(V1 + "/" + requestId + "/reprocess").exchange().expectStatus().isEqualTo(409)
        .expectBody(JSON).returnResult().getResponseBody())).contains("is delivering: it cannot be reprocessed");

    upstream.failed(assignment, requestId, "Still gone.");
    awaitState(requestId, "deliveryFailed");
    CLOCK.advance(Duration.ofDays(15));
    assertThat(message(admin.post().uri(V1 + "/" + requestId + "/reprocess").exchange().expectStatus().isEqualTo(409)
        .expectBody(JSON).returnResult().getResponseBody())).contains("more than 14 days ago");
  }

  @Test
  void filterByCurrentUserListsTheCallersOwnRequests() {
    Setup setup = setup();
    UUID own = id(post(setup.http(), V1, setup.userAdd(), 201));
    UUID secondPackage = upstream.accessPackage("Second Campaign");
    UUID secondPolicy = upstream.policy(new Upstream.Policy(secondPackage).allowUser(setup.user(), "Requestor1"));
    Map<String, Object> adminAdd = Map.of("requestType", "adminAdd", "assignment", Map.of("targetId", setup.user().toString(),
        "assignmentPolicyId", secondPolicy.toString(), "accessPackageId", secondPackage.toString()));
    UUID byAdmin = id(post(admin, V1, adminAdd, 201));

    assertThat(ids(get(setup.http(), V1 + "/filterByCurrentUser(on='target')"))).containsExactlyInAnyOrder(own, byAdmin);
    assertThat(ids(get(setup.http(), V1 + "/filterByCurrentUser(on='createdBy')"))).containsExactly(own);
    assertThat(ids(get(admin, V1 + "/filterByCurrentUser(on='createdBy')"))).contains(byAdmin).doesNotContain(own);
    assertThat(ids(get(setup.http(), V1 + "/filterByCurrentUser(on='approver')"))).isEmpty();
    // Clients that percent-encode the quotes reach the same function.
    Map<String, Object> encoded = setup.http().get().uri(java.net.URI.create(requestService.service().baseUrl() + V1
        + "/filterByCurrentUser(on=%27target%27)")).exchange().expectStatus().isOk().expectBody(JSON).returnResult()
        .getResponseBody();
    assertThat(ids(encoded)).containsExactlyInAnyOrder(own, byAdmin);
    assertThat(encoded.get("@odata.context").toString())
        .endsWith("/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentRequests/filterByCurrentUser");
    // The same questions as $filter on the whole collection.
    assertThat(ids(get(admin, V1 + "?$filter=requestor/objectId eq '" + adminId + "' and accessPackage/id eq '"
        + secondPackage + "'"))).containsExactly(byAdmin);
    assertThat(ids(get(admin, V1 + "?$filter=accessPackage/id eq '" + setup.accessPackage() + "' and state eq 'submitted'"
        + " and requestType eq 'UserAdd'"))).containsExactly(own);
    Map<String, Object> page = get(admin, V1 + "?$filter=accessPackage/id eq '" + secondPackage + "'&$expand=requestor&$count=true");
    assertThat(page.get("@odata.count")).isEqualTo(1);
    assertThat(((Map<?, ?>) values(page).get(0).get("requestor")).get("objectId")).isEqualTo(adminId.toString());
    assertThat(((Map<?, ?>) values(page).get(0).get("requestor")).get("displayName")).isEqualTo("Admin1");
  }

  @Test
  void betaTakesTheTutorialsBodiesAndAnswersInBetaShapes() {
    Setup setup = setup();

    // Seed 001 step 2, verbatim but for the ids.
    Map<String, Object> created = post(setup.http(), BETA, Map.of(
        "requestType", "UserAdd",
        "accessPackageAssignment", Map.of(
            "targetId", setup.user().toString(),
            "assignmentPolicyId", setup.policy().toString(),
            "accessPackageId", setup.accessPackage().toString())), 201);

    assertThat(created.get("requestType")).isEqualTo("UserAdd");
    assertThat(created.get("requestState")).isEqualTo("Submitted");
    assertThat(created.get("requestStatus")).isEqualTo("Accepted");
    assertThat(created.get("isValidationOnly")).isEqualTo(false);
    assertThat(created).containsKeys("completedDate", "expirationDateTime", "justification").doesNotContainKey("state");
    UUID requestId = id(created);
    Upstream.Assignment assignment = deliver(setup, requestId);

    // Seed 001 step 3.1: the request delivered, as beta spells it.
    Map<String, Object> delivered = get(admin, BETA + "/" + requestId);
    assertThat(delivered.get("requestState")).isEqualTo("Delivered");
    assertThat(delivered.get("requestStatus")).isEqualTo("FulfilledNotificationTriggered");
    assertThat(delivered.get("completedDate")).isNotNull();
    Map<String, Object> expanded = get(admin, BETA + "/" + requestId + "?$expand=accessPackageAssignment,accessPackage");
    Map<?, ?> betaAssignment = (Map<?, ?>) expanded.get("accessPackageAssignment");
    assertThat(betaAssignment.get("assignmentState")).isEqualTo("Delivered");
    assertThat(betaAssignment.get("targetId")).isEqualTo(setup.user().toString());
    assertThat(((Map<?, ?>) expanded.get("accessPackage")).get("catalogId")).isNotNull();
    assertThat(ids(get(admin, BETA + "?$filter=requestState eq 'Delivered' and accessPackageAssignment/targetId eq '"
        + setup.user() + "'"))).containsExactly(requestId);

    // Seed 001 step 4 removes "the assignment" by the id the tutorial recorded: the request's.
    Map<String, Object> removal = post(admin, BETA, Map.of("requestType", "AdminRemove",
        "accessPackageAssignment", Map.of("id", requestId.toString())), 201);
    assertThat(removal.get("requestType")).isEqualTo("AdminRemove");
    assertThat(removal.get("requestState")).isEqualTo("Submitted");
    assertThat(snapshot(eventsOf(id(removal), AssignmentRequestDeliveryRequested.class, 1).get(0)).getAssignmentId())
        .isEqualTo(assignment.id().toString());

    // isValidationOnly checks everything and stores nothing.
    Map<String, Object> check = post(setup.http(), BETA, Map.of("requestType", "UserAdd", "isValidationOnly", true,
        "accessPackageAssignment", Map.of("targetId", setup.user().toString(), "assignmentPolicyId", setup.policy().toString(),
            "accessPackageId", setup.accessPackage().toString())), 409);
    assertThat(message(check)).contains("already has assignment");
  }

  @Test
  void betaTakesTheBodiesThePowerShellCmdletsBuild() {
    Setup setup = setup();

    // Seed 000 step 3: New-MgEntitlementManagementAccessPackageAssignmentRequest -RequestType 'UserAdd' -AccessPackageId …
    // -AssignmentPolicyId … -TargetId … builds accessPackageAssignment with a schedule starting "now", to the second.
    String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    Map<String, Object> created = post(setup.http(), BETA, Map.of("requestType", "UserAdd", "accessPackageAssignment", Map.of(
        "targetId", setup.user().toString(), "assignmentPolicyId", setup.policy().toString(),
        "accessPackageId", setup.accessPackage().toString(), "schedule", Map.of("startDateTime", now))), 201);
    assertThat(created.get("requestType")).isEqualTo("UserAdd");
    assertThat(created.get("requestState")).isEqualTo("Submitted");
    UUID requestId = id(created);
    Upstream.Assignment assignment = deliver(setup, requestId);

    // Seed 000 step 4: Get-MgEntitlementManagementAccessPackageAssignmentRequest -AccessPackageAssignmentRequestId …
    Map<String, Object> delivered = get(admin, BETA + "/" + requestId);
    assertThat(delivered.get("requestState")).isEqualTo("Delivered");
    assertThat(delivered.get("requestStatus")).isEqualTo("FulfilledNotificationTriggered");
    // Seed 000 step 5: -RequestType 'AdminRemove' -AccessPackageAssignmentId …
    Map<String, Object> removal = post(admin, BETA, Map.of("requestType", "AdminRemove",
        "accessPackageAssignment", Map.of("id", assignment.id().toString())), 201);
    assertThat(removal.get("requestType")).isEqualTo("AdminRemove");
    assertThat(removal.get("requestStatus")).isEqualTo("Accepted");
  }

  @Test
  void bulkSubmitsEachItemOnItsOwnAndReportsEachOutcome() {
    Setup setup = setup();
    UUID second = upstream.user("Second", true);
    UUID scopedPolicy = upstream.policy(new Upstream.Policy(setup.accessPackage()).allowUser(second, "Second"));
    UUID delivered = id(post(setup.http(), V1, setup.userAdd(), 201));
    Upstream.Assignment assignment = deliver(setup, delivered);
    // Wait for the second user's read models before the batch, so the only refusals are the intended ones.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> admin.post().uri(V1).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("requestType", "adminAdd", "isValidationOnly", true, "assignment", Map.of("targetId", second.toString(),
            "assignmentPolicyId", scopedPolicy.toString(), "accessPackageId", setup.accessPackage().toString())))
        .exchange().returnResult(String.class).getStatus().value() == 200);

    List<Map<String, Object>> items = List.of(
        item("adminAdd", setup.accessPackage(), scopedPolicy, second, null),
        item("adminAdd", setup.accessPackage(), UUID.randomUUID(), second, null),
        item("adminAdd", setup.accessPackage(), scopedPolicy, second, null),
        item("userAdd", setup.accessPackage(), scopedPolicy, second, null),
        Map.of("requestType", "adminAdd", "accessPackageId", "not-a-guid", "assignmentPolicyId", scopedPolicy.toString(),
            "targetId", second.toString()),
        item("adminRemove", null, null, null, assignment.id()));
    Map<String, Object> response = post(admin, BULK, Map.of("items", items), 200);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) response.get("results");
    assertThat(results).extracting(result -> result.get("index")).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(results).extracting(result -> result.get("status")).containsExactly(201, 404, 409, 400, 400, 201);
    assertThat(((Map<?, ?>) results.get(0).get("request")).get("state")).isEqualTo("submitted");
    assertThat(((Map<?, ?>) results.get(1).get("error")).get("code")).isEqualTo("itemNotFound");
    assertThat(((Map<?, ?>) results.get(2).get("error")).get("message").toString()).contains("already has open request");
    assertThat(((Map<?, ?>) results.get(3).get("error")).get("message").toString()).contains("adminAdd or adminRemove");
    assertThat(((Map<?, ?>) results.get(4).get("error")).get("message").toString()).contains("'not-a-guid'");
    assertThat(((Map<?, ?>) results.get(5).get("request")).get("requestType")).isEqualTo("adminRemove");
    // Each stored item was announced like any other request.
    eventsOf(id((Map<String, Object>) results.get(0).get("request")), AssignmentRequestDeliveryRequested.class, 1);
    eventsOf(id((Map<String, Object>) results.get(5).get("request")), AssignmentRequestDeliveryRequested.class, 1);

    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(item("adminAdd", setup.accessPackage(), scopedPolicy, second, null));
    }
    assertThat(message(post(admin, BULK, Map.of("items", tooMany), 413))).contains("at most 1000 items; this one has 1001");
    post(client(tokens.withScopes(adminId, "EntitlementManagement.Read.All")), BULK, Map.of("items", items.subList(0, 1)), 403);
  }

  // ---- bodies

  static Map<String, Object> add(UUID target, UUID policy, UUID accessPackage) {
    return Map.of("requestType", "userAdd", "assignment", Map.of("targetId", target.toString(),
        "assignmentPolicyId", policy.toString(), "accessPackageId", accessPackage.toString()));
  }

  static Map<String, Object> answer(String questionId, String value) {
    return Map.of("@odata.type", "#microsoft.graph.accessPackageAnswerString", "value", value,
        "answeredQuestion", Map.of("id", questionId));
  }

  static Map<String, Object> item(String type, UUID accessPackage, UUID policy, UUID target, UUID assignment) {
    Map<String, Object> item = new HashMap<>();
    item.put("requestType", type);
    if (accessPackage != null) {
      item.put("accessPackageId", accessPackage.toString());
      item.put("assignmentPolicyId", policy.toString());
      item.put("targetId", target.toString());
    }
    if (assignment != null) {
      item.put("assignmentId", assignment.toString());
    }
    return item;
  }

  static List<UUID> ids(Map<String, Object> collection) {
    return values(collection).stream().map(RequestApiTest::id).toList();
  }
}
