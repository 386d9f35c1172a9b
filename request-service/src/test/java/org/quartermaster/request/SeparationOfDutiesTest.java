package org.quartermaster.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.platform.time.AdjustableClock;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.TopicTap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Separation of duties against real Kafka and PostgreSQL: the catalog's incompatibility declarations, the directory's
 * groups and provisioning's assignments are fed as their real events, and requests are refused at submission, in
 * both directions, and under concurrency by the per-target delivery gate.
 */
class SeparationOfDutiesTest {

  static final String V1 = "/v1.0/identityGovernance/entitlementManagement/assignmentRequests";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
  static final AdjustableClock CLOCK = AdjustableClock.systemUtc();
  static final String INITIATOR = "Vendor Payment - Initiator";
  static final String APPROVER = "Vendor Payment - Approver";

  static DevTokens tokens;
  static RequestServiceUnderTest requestService;
  static Upstream upstream;
  static TopicTap requestEvents;
  static UUID adminId = UUID.randomUUID();
  static WebTestClient admin;

  @BeforeAll
  static void start() {
    requestService = new RequestServiceUnderTest("separation", CLOCK, "--quartermaster.request.read-model-wait=500ms");
    tokens = requestService.tokens();
    upstream = requestService.upstream();
    requestEvents = requestService.requestEvents();
    admin = client(tokens.forUser(adminId, "admin@contoso.com"));
    upstream.user(adminId, "Admin1", true);
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

  // ---- two packages whose policies admit every directory user, without approval

  record Pair(UUID initiator, UUID initiatorPolicy, UUID approver, UUID approverPolicy) {
  }

  static Pair pair() {
    UUID initiator = upstream.accessPackage(INITIATOR);
    UUID approver = upstream.accessPackage(APPROVER);
    return new Pair(initiator, openPolicy(initiator), approver, openPolicy(approver));
  }

  static UUID openPolicy(UUID accessPackage) {
    Upstream.Policy policy = new Upstream.Policy(accessPackage);
    policy.displayName = "All users";
    policy.scope = "allDirectoryUsers";
    return upstream.policy(policy);
  }

  static Map<String, Object> add(String type, UUID target, UUID policy, UUID accessPackage) {
    return Map.of("requestType", type, "assignment", Map.of("targetId", target.toString(),
        "assignmentPolicyId", policy.toString(), "accessPackageId", accessPackage.toString()));
  }

  /** Delivered by provisioning: the assignment reaches the read model as it would for a real delivery. */
  static Upstream.Assignment holds(UUID user, UUID accessPackage, UUID policy) {
    Upstream.Assignment assignment = new Upstream.Assignment(UUID.randomUUID(), accessPackage, policy, user);
    UUID requestId = UUID.randomUUID();
    upstream.created(assignment, requestId);
    upstream.granted(assignment, requestId);
    return assignment;
  }

  static Map<String, Object> post(WebTestClient http, Object body, int status) {
    return http.post().uri(V1).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
  }

  /**
   * Waits until the read models make a validation-only submission answer the status (and message), so the real
   * submission that follows is not decided by an event still in flight. Validation stores nothing, so retrying is safe.
   */
  static void awaitValidation(WebTestClient http, Map<String, Object> body, int status, String messagePart) {
    Map<String, Object> checkOnly = new HashMap<>(body);
    checkOnly.put("isValidationOnly", true);
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
      var result = http.post().uri(V1).contentType(MediaType.APPLICATION_JSON).bodyValue(checkOnly).exchange()
          .returnResult(String.class);
      String text = result.getResponseBody().blockFirst(Duration.ofSeconds(10));
      return result.getStatus().value() == status && (messagePart == null || String.valueOf(text).contains(messagePart));
    });
  }

  static String message(Map<String, Object> error) {
    return String.valueOf(((Map<?, ?>) error.get("error")).get("message"));
  }

  /** Every request of a package the service stored, following Graph's paging. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> requestsFor(UUID accessPackage) {
    List<Map<String, Object>> all = new ArrayList<>();
    String next = requestService.service().baseUrl() + V1 + "?$filter=accessPackage/id eq '" + accessPackage + "'";
    while (next != null) {
      Map<String, Object> page = admin.get().uri(java.net.URI.create(next.replace(" ", "%20").replace("'", "%27")))
          .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
      all.addAll((List<Map<String, Object>>) page.get("value"));
      next = (String) page.get("@odata.nextLink");
    }
    return all;
  }

  /** The request snapshot every request event carries, whatever its type. */
  static AccessPackageAssignmentRequest snapshot(TopicTap.Received received) {
    SpecificRecord event = received.event();
    Schema.Field field = event.getSchema().getField("request");
    return field == null ? null : (AccessPackageAssignmentRequest) event.get(field.pos());
  }

  static List<TopicTap.Received> eventsAbout(UUID accessPackage, Duration quiet) {
    return requestEvents.drain(quiet).stream()
        .filter(received -> snapshot(received) != null
            && accessPackage.toString().equals(snapshot(received).getAccessPackageId()))
        .toList();
  }

  // ---- the tests

  @Test
  void anIncompatibilityDeclaredOnOnePackageBlocksBothDirectionsForUsersAndAdministrators() {
    Pair pair = pair();
    UUID initiatorHolder = upstream.user("Initiator holder", true);
    UUID approverHolder = upstream.user("Approver holder", true);
    UUID initiatorRequester = upstream.user("Initiator requester", true);
    // Seed 002 section 5: the approver package declares the initiator package incompatible.
    upstream.incompatiblePackage(pair.approver(), pair.initiator());
    Upstream.Assignment initiatorAssignment = holds(initiatorHolder, pair.initiator(), pair.initiatorPolicy());
    Upstream.Assignment approverAssignment = holds(approverHolder, pair.approver(), pair.approverPolicy());
    Map<String, Object> approverForInitiatorHolder = add("userAdd", initiatorHolder, pair.approverPolicy(), pair.approver());
    Map<String, Object> initiatorForApproverHolder = add("userAdd", approverHolder, pair.initiatorPolicy(), pair.initiator());
    awaitValidation(as(initiatorHolder), approverForInitiatorHolder, 409, null);
    awaitValidation(as(approverHolder), initiatorForApproverHolder, 409, null);

    // The declared direction: a holder of the initiator package may not get the approver package.
    String declared = message(post(as(initiatorHolder), approverForInitiatorHolder, 409));
    assertThat(declared).startsWith("User '" + initiatorHolder + "' cannot receive access package '" + APPROVER
        + "': it is incompatible with access package '" + INITIATOR + "', held since ")
        .endsWith("(assignment '" + initiatorAssignment.id() + "').");
    assertThat(message(post(admin, add("adminAdd", initiatorHolder, pair.approverPolicy(), pair.approver()), 409)))
        .isEqualTo(declared);
    // The other direction, which Entra leaves open: a holder of the approver package may not get the initiator package.
    String reverse = message(post(as(approverHolder), initiatorForApproverHolder, 409));
    assertThat(reverse).contains("cannot receive access package '" + INITIATOR + "': it is incompatible with access package '"
        + APPROVER + "' (declared on '" + APPROVER + "'), held since ", "(assignment '" + approverAssignment.id() + "')");
    assertThat(message(post(admin, add("adminAdd", approverHolder, pair.initiatorPolicy(), pair.initiator()), 409)))
        .isEqualTo(reverse);
    // A request on its way to delivery counts as holding the package.
    Map<String, Object> pending = post(as(initiatorRequester), add("userAdd", initiatorRequester, pair.initiatorPolicy(),
        pair.initiator()), 201);
    assertThat(message(post(admin, add("adminAdd", initiatorRequester, pair.approverPolicy(), pair.approver()), 409)))
        .contains("incompatible with access package '" + INITIATOR + "', requested in '" + pending.get("id")
            + "' which is being delivered.");

    // Refused requests are neither stored nor announced.
    assertThat(requestsFor(pair.approver())).isEmpty();
    assertThat(requestsFor(pair.initiator())).extracting(request -> request.get("id")).containsExactly(pending.get("id"));
    assertThat(eventsAbout(pair.approver(), Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void aMemberOfAnIncompatibleGroupIsRefusedWithTheGroupsName() {
    UUID member = upstream.user("Legacy initiator", true);
    UUID outsider = upstream.user("Someone else", true);
    UUID group = upstream.group("PAY-Initiators");
    upstream.addMember(group, member);
    UUID approver = upstream.accessPackage(APPROVER);
    UUID policy = openPolicy(approver);
    upstream.incompatibleGroup(approver, group);
    Map<String, Object> request = add("userAdd", member, policy, approver);
    awaitValidation(as(member), request, 409, "PAY-Initiators");

    Map<String, Object> refused = post(as(member), request, 409);

    assertThat(((Map<?, ?>) refused.get("error")).get("code")).isEqualTo("conflict");
    assertThat(message(refused)).isEqualTo("User '" + member + "' cannot receive access package '" + APPROVER + "': the user "
        + "is a member of group 'PAY-Initiators', which access package '" + APPROVER + "' declares incompatible.");
    assertThat(message(post(admin, add("adminAdd", member, policy, approver), 409))).contains("group 'PAY-Initiators'");
    // Someone outside the group may have it.
    post(as(outsider), add("userAdd", outsider, policy, approver), 201);
  }

  @Test
  void aFailedAddIsNotReprocessedOnceTheTargetHoldsAnIncompatiblePackage() {
    Pair pair = pair();
    UUID user = upstream.user("Failed initiator", true);
    Map<String, Object> submitted = post(as(user), add("userAdd", user, pair.initiatorPolicy(), pair.initiator()), 201);
    UUID requestId = UUID.fromString((String) submitted.get("id"));
    Upstream.Assignment failed = new Upstream.Assignment(UUID.randomUUID(), pair.initiator(), pair.initiatorPolicy(), user);
    upstream.created(failed, requestId);
    upstream.failed(failed, requestId, "the directory was down");
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
        "deliveryFailed".equals(admin.get().uri(V1 + "/" + requestId).exchange().expectBody(JSON).returnResult()
            .getResponseBody().get("state")));
    // Meanwhile the user came to hold the approver package, and the two were declared incompatible.
    Upstream.Assignment approver = holds(user, pair.approver(), pair.approverPolicy());
    upstream.incompatiblePackage(pair.approver(), pair.initiator());
    awaitValidation(as(user), add("userAdd", user, pair.initiatorPolicy(), pair.initiator()), 409, APPROVER);

    Map<String, Object> refused = as(user).post().uri(V1 + "/" + requestId + "/reprocess").exchange()
        .expectStatus().isEqualTo(409).expectBody(JSON).returnResult().getResponseBody();

    assertThat(message(refused)).contains("cannot receive access package '" + INITIATOR + "'",
        "incompatible with access package '" + APPROVER + "'", "(assignment '" + approver.id() + "')");
    Map<String, Object> after = admin.get().uri(V1 + "/" + requestId).exchange().expectBody(JSON).returnResult()
        .getResponseBody();
    assertThat(after.get("state")).isEqualTo("deliveryFailed");
    // Only the submission's own request for delivery, none for the refused reprocess.
    assertThat(eventsAbout(pair.initiator(), Duration.ofMillis(300))).extracting(received ->
        received.event().getClass().getSimpleName()).filteredOn("AssignmentRequestDeliveryRequested"::equals).hasSize(1);
  }

  @Test
  void removingTheIncompatibilityLiftsTheBlock() {
    Pair pair = pair();
    UUID holder = upstream.user("Reformed initiator", true);
    upstream.incompatiblePackage(pair.initiator(), pair.approver());
    holds(holder, pair.initiator(), pair.initiatorPolicy());
    Map<String, Object> request = add("userAdd", holder, pair.approverPolicy(), pair.approver());
    awaitValidation(as(holder), request, 409, null);
    assertThat(message(post(as(holder), request, 409))).contains("incompatible with access package '" + INITIATOR + "'");

    upstream.compatiblePackageAgain(pair.initiator(), pair.approver());

    awaitValidation(as(holder), request, 200, null);
    Map<String, Object> accepted = post(as(holder), request, 201);
    assertThat(accepted.get("state")).isEqualTo("submitted");
  }

  /**
   * The race the delivery gate closes: each of 200 users asks for both of two incompatible packages at once. Both
   * submissions pass the unlocked check when neither is stored yet; the gate, serialised per target, must let exactly
   * one through and refuse the other with a reason naming the package that won.
   */
  @Test
  void twoHundredUsersAskingForBothIncompatiblePackagesAtOnceGetExactlyOneEach() {
    Pair pair = pair();
    // One direction only: the symmetric check must hold under concurrency too.
    upstream.incompatiblePackage(pair.approver(), pair.initiator());
    List<UUID> users = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      users.add(upstream.user("Clerk " + i, true));
    }
    // Every user is known, and the incompatibility is in the read model, before the race starts.
    UUID probe = upstream.user("Probe", true);
    holds(probe, pair.initiator(), pair.initiatorPolicy());
    awaitValidation(as(probe), add("userAdd", probe, pair.approverPolicy(), pair.approver()), 409, null);
    Map<UUID, String> tokenOf = new HashMap<>();
    for (UUID user : users) {
      tokenOf.put(user, tokens.forUser(user, user + "@contoso.com"));
    }
    for (UUID user : users) {
      awaitValidation(client(tokenOf.get(user)), add("userAdd", user, pair.initiatorPolicy(), pair.initiator()), 200, null);
    }
    WebClient http = WebClient.builder().baseUrl(requestService.service().baseUrl()).build();
    record Attempt(UUID user, UUID accessPackage) {
    }
    record Outcome(UUID user, UUID accessPackage, int status, Map<String, Object> body) {
    }
    List<Attempt> attempts = new ArrayList<>();
    for (UUID user : users) {
      attempts.add(new Attempt(user, pair.initiator()));
      attempts.add(new Attempt(user, pair.approver()));
    }

    List<Outcome> outcomes = Flux.fromIterable(attempts).flatMap(attempt -> {
      UUID policy = attempt.accessPackage().equals(pair.initiator()) ? pair.initiatorPolicy() : pair.approverPolicy();
      return http.post().uri(V1).header("Authorization", "Bearer " + tokenOf.get(attempt.user()))
          .contentType(MediaType.APPLICATION_JSON).bodyValue(add("userAdd", attempt.user(), policy, attempt.accessPackage()))
          .exchangeToMono(response -> response.bodyToMono(JSON).defaultIfEmpty(Map.of())
              .map(body -> new Outcome(attempt.user(), attempt.accessPackage(), response.statusCode().value(), body)));
    }, 64).collectList().block(Duration.ofMinutes(3));

    assertThat(outcomes).hasSize(400);
    Map<UUID, List<Outcome>> byUser = outcomes.stream().collect(Collectors.groupingBy(Outcome::user));
    Set<String> accepted = new HashSet<>();
    for (UUID user : users) {
      List<Outcome> pairOfOutcomes = byUser.get(user);
      assertThat(pairOfOutcomes).as("user %s", user).hasSize(2);
      List<Outcome> won = pairOfOutcomes.stream().filter(outcome -> outcome.status() == 201).toList();
      List<Outcome> lost = pairOfOutcomes.stream().filter(outcome -> outcome.status() != 201).toList();
      // Zero violations, and no false refusals: exactly one of the two per user.
      assertThat(won).as("accepted for user %s: %s", user, pairOfOutcomes).hasSize(1);
      Outcome refused = lost.get(0);
      assertThat(refused.status()).as("refusal for user %s", user).isEqualTo(409);
      String winner = won.get(0).accessPackage().equals(pair.initiator()) ? INITIATOR : APPROVER;
      assertThat(message(refused.body())).contains("incompatible with access package '" + winner + "'");
      accepted.add(String.valueOf(won.get(0).body().get("id")));
    }
    assertThat(accepted).hasSize(200);
    // Provisioning is asked to deliver exactly the accepted requests, one per user.
    requestEvents.awaitMatching(received -> received.is(AssignmentRequestDeliveryRequested.class)
        && Set.of(pair.initiator().toString(), pair.approver().toString()).contains(snapshot(received).getAccessPackageId())
        && users.contains(UUID.fromString(snapshot(received).getTargetId())), 200);
    List<AccessPackageAssignmentRequest> deliveries = new ArrayList<>();
    for (UUID accessPackage : List.of(pair.initiator(), pair.approver())) {
      eventsAbout(accessPackage, Duration.ofMillis(500)).stream()
          .filter(received -> received.is(AssignmentRequestDeliveryRequested.class))
          .map(SeparationOfDutiesTest::snapshot)
          .filter(request -> users.contains(UUID.fromString(request.getTargetId())))
          .forEach(deliveries::add);
    }
    assertThat(deliveries).extracting(AccessPackageAssignmentRequest::getId).containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(deliveries).extracting(AccessPackageAssignmentRequest::getTargetId).doesNotHaveDuplicates().hasSize(200);
    // And stored exactly those: nothing refused reached the database.
    List<Object> stored = new ArrayList<>();
    requestsFor(pair.initiator()).forEach(request -> stored.add(request.get("id")));
    requestsFor(pair.approver()).forEach(request -> stored.add(request.get("id")));
    assertThat(stored).containsExactlyInAnyOrderElementsOf(accepted);
  }
}
