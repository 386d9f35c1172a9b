package org.quartermaster.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.directory.DirectoryServiceApplication;
import org.quartermaster.events.Topics;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentDeliveryFailed;
import org.quartermaster.events.provisioning.AssignmentExpired;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.events.provisioning.ResourceRoleGranted;
import org.quartermaster.events.provisioning.ResourceRoleRevoked;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.platform.time.AdjustableClock;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.EventInjector;
import org.quartermaster.testing.RunningService;
import org.quartermaster.testing.ServiceNamespace;
import org.quartermaster.testing.TopicTap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Provisioning against a real directory over its HTTP API, real Kafka and PostgreSQL. Catalog, policy and request
 * events are published as their owners would; memberships are checked in the directory itself, so "delivered" is
 * asserted against what the target system actually holds.
 */
class ProvisioningApiTest {

  static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  static final String BETA = "/beta/identityGovernance/entitlementManagement";
  static final String CLIENT_SECRET = "provisioning-dev-secret";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

  static DevTokens tokens;
  static ServiceNamespace namespace;
  static int directoryPort;
  static RunningService directory;
  static RunningService provisioning;
  static WebTestClient directoryHttp;
  static WebTestClient http;
  static EventInjector injector;
  static TopicTap assignmentEvents;
  static ConsumedEvents consumed;
  static AdjustableClock clock;

  /** The provisioning service reads time from this clock, which the expiry test moves. */
  static class AdjustableTime {
    @Bean
    @Primary
    AdjustableClock adjustableClock() {
      return AdjustableClock.systemUtc();
    }
  }

  @BeforeAll
  static void start() {
    tokens = DevTokens.create();
    namespace = ServiceNamespace.random("provisioning");
    directoryPort = freePort();
    // Two Spring contexts start faster side by side than one after the other.
    CompletableFuture<RunningService> directoryStart = CompletableFuture.supplyAsync(ProvisioningApiTest::startDirectory);
    try {
      provisioning = RunningService.start(ProvisioningServiceApplication.application().sources(AdjustableTime.class),
          ProvisioningServiceApplication.NAME, namespace, tokens,
          "--quartermaster.provisioning.directory.base-url=http://localhost:" + directoryPort,
          "--spring.security.oauth2.client.registration.directory.client-secret=" + CLIENT_SECRET,
          "--quartermaster.provisioning.operations.initial-backoff=100ms",
          "--quartermaster.provisioning.operations.max-backoff=500ms",
          "--quartermaster.provisioning.operations.poll-interval=200ms",
          "--quartermaster.provisioning.expiry.poll-interval=200ms");
    } finally {
      directory = directoryStart.join();
    }
    clock = provisioning.context().getBean(AdjustableClock.class);
    String token = tokens.forUser(UUID.randomUUID(), "admin@contoso.com");
    http = client(provisioning.baseUrl(), token);
    directoryHttp = client("http://localhost:" + directoryPort, token);
    injector = new EventInjector(namespace);
    assignmentEvents = new TopicTap(namespace, Topics.PROVISIONING_ASSIGNMENTS);
    consumed = new ConsumedEvents(namespace);
  }

  /** The directory with its dev issuer, which knows provisioning-service as a client-credentials client. */
  static RunningService startDirectory() {
    return RunningService.start(DirectoryServiceApplication.application(),
        DirectoryServiceApplication.NAME, namespace, tokens,
        "--server.port=" + directoryPort,
        "--quartermaster.dev-identity.enabled=true",
        "--quartermaster.dev-identity.key-file=" + tokens.keyFile(),
        "--quartermaster.dev-identity.clients.provisioning-service.secret=" + CLIENT_SECRET);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {consumed, assignmentEvents, injector, provisioning, directory}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  // ---- the flows

  @Test
  void aUserAddIsDeliveredIntoTheDirectoryAndAnAdminRemoveTakesItAway() {
    UUID user = createUser("Requestor1");
    UUID group = createGroup("Marketing resources");
    UUID accessPackage = UUID.randomUUID();
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Marketing Campaign"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    injector.publish(Fixtures.policy(policy, accessPackage, "Specific users", "P365D"));
    awaitReadModels();

    UUID request = UUID.randomUUID();
    AssignmentRequestDeliveryRequested delivery = Fixtures.deliver(request, "userAdd", accessPackage, policy, user, null,
        "notSpecified", null);
    injector.publish(delivery);
    AccessPackageAssignment granted = awaitEvent(AssignmentGranted.class, request).getAssignment();
    UUID assignment = UUID.fromString(granted.getId());
    assertThat(granted.getState()).isEqualTo("delivered");
    assertThat(granted.getResourceRoles()).singleElement()
        .satisfies(role -> assertThat(role.getStatus()).isEqualTo("Fulfilled"));
    // The policy's lifecycle applies when the request leaves the expiration unspecified.
    assertThat(granted.getExpirationDateTime()).isEqualTo(granted.getStartDateTime().plus(Duration.ofDays(365)));
    assertThat(membersOf(group)).containsExactly(user);
    assertDeliveredMeansHeld(assignment);
    // Created, then the role, then the whole assignment: in that order, on the target's key.
    assertThat(eventsOf(assignment)).containsExactly("AssignmentCreated", "ResourceRoleGranted", "AssignmentGranted");
    assertThat(assignmentEvents.awaitMatching(r -> r.is(ResourceRoleGranted.class)
        && ((ResourceRoleGranted) r.event()).getAssignmentId().equals(assignment.toString()), 1).get(0).key())
        .isEqualTo(user.toString());

    // Seed 004: the delivered assignments of a package, with their targets.
    Map<String, Object> listed = get(V1 + "/assignments?$filter=accessPackage/id eq '" + accessPackage
        + "' and state eq 'Delivered'&$expand=target");
    Map<String, Object> only = single(listed);
    assertThat(only).containsEntry("id", assignment.toString()).containsEntry("state", "delivered")
        .containsEntry("status", "Delivered");
    assertThat(map(only, "target")).containsEntry("objectId", user.toString()).containsEntry("displayName", "Requestor1")
        .containsEntry("subjectType", "user").containsKey("principalName");
    assertThat(map(map(only, "schedule"), "expiration")).containsEntry("type", "afterDuration").containsEntry("duration", "P365D");
    assertThat(value(get(V1 + "/assignments?$filter=target/objectid eq '" + user + "'"))).hasSize(1);
    Map<String, Object> expanded = get(V1 + "/assignments/" + assignment + "?$expand=accessPackage,assignmentPolicy");
    assertThat(map(expanded, "accessPackage")).containsEntry("displayName", "Marketing Campaign");
    assertThat(map(expanded, "assignmentPolicy")).containsEntry("displayName", "Specific users");

    // Seed 001: the beta shape, filtered by policy, with the target and the resource roles.
    Map<String, Object> beta = single(get(BETA + "/accessPackageAssignments?$filter=accessPackageAssignmentPolicy/Id eq '"
        + policy + "'&$expand=target,accessPackageAssignmentResourceRoles"));
    assertThat(beta).containsEntry("assignmentState", "Delivered").containsEntry("assignmentStatus", "Delivered")
        .containsEntry("accessPackageId", accessPackage.toString()).containsEntry("targetId", user.toString())
        .containsEntry("catalogId", Fixtures.CATALOG.toString()).containsEntry("isExtended", false);
    assertThat(map(beta, "target")).containsEntry("objectId", user.toString());
    assertThat(list(beta, "accessPackageAssignmentResourceRoles")).singleElement().satisfies(role -> assertThat(asMap(role))
        .containsEntry("originId", "Member_" + group).containsEntry("originSystem", "AadGroup").containsEntry("status", "Fulfilled"));
    assertThat(value(get(BETA + "/accessPackageAssignmentResourceRoles?$filter=accessPackageSubject/objectId eq '" + user
        + "'&$expand=accessPackageSubject"))).singleElement()
        .satisfies(role -> assertThat(map(asMap(role), "accessPackageSubject")).containsEntry("displayName", "Requestor1"));

    // The same event delivered twice is applied once.
    injector.publish(delivery);
    consumed.await("assignment-requests", Topics.REQUEST_ASSIGNMENT_REQUESTS);
    assertThat(value(get(V1 + "/assignments?$filter=target/objectId eq '" + user + "'"))).hasSize(1);

    UUID removal = UUID.randomUUID();
    injector.publish(Fixtures.deliver(removal, "adminRemove", accessPackage, policy, user, assignment, "notSpecified", null));
    AccessPackageAssignment removed = awaitEvent(AssignmentRemoved.class, removal).getAssignment();
    assertThat(removed.getState()).isEqualTo("expired");
    assertThat(membersOf(group)).isEmpty();
    assertThat(eventsOf(assignment)).endsWith("ResourceRoleRevoked", "AssignmentRemoved");
    Map<String, Object> ended = get(V1 + "/assignments/" + assignment);
    assertThat(ended).containsEntry("state", "expired").containsEntry("status", "Expired");
    assertThat(ended.get("expiredDateTime")).isNotNull();
    assertThat(value(get(V1 + "/assignments?$filter=accessPackage/id eq '" + accessPackage + "' and state eq 'Delivered'")))
        .isEmpty();
  }

  @Test
  void aMembershipGrantedThroughTwoAssignmentsOutlivesTheFirstRemoval() {
    UUID user = createUser("Shared");
    UUID group = createGroup("Shared group");
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(first, "First"));
    injector.publish(Fixtures.groupRole(first, group, "Member"));
    injector.publish(Fixtures.accessPackage(second, "Second"));
    injector.publish(Fixtures.groupRole(second, group, "Member"));
    awaitReadModels();

    UUID viaFirst = deliver("adminAdd", first, user, "noExpiration", null);
    UUID viaSecond = deliver("adminAdd", second, user, "noExpiration", null);
    assertThat(membersOf(group)).containsExactly(user);

    remove(first, user, viaFirst);
    assertThat(membersOf(group)).as("the second assignment still grants the membership").containsExactly(user);
    assertThat(single(get(V1 + "/assignments?$filter=accessPackage/id eq '" + second + "'"))).containsEntry("state", "delivered");

    remove(second, user, viaSecond);
    assertThat(membersOf(group)).as("the last grant is gone").isEmpty();
  }

  @Test
  void aMembershipThatPredatesQuartermasterIsNeverRevoked() {
    UUID user = createUser("Veteran");
    UUID group = createGroup("Old hands");
    directoryHttp.post().uri("/v1.0/groups/{id}/members/$ref", group).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + user)).exchange()
        .expectStatus().isNoContent();
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Old hands access"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    awaitReadModels();

    UUID assignment = deliver("adminAdd", accessPackage, user, "noExpiration", null);
    remove(accessPackage, user, assignment);
    assertThat(membersOf(group)).as("Quartermaster did not grant it, so it does not take it").containsExactly(user);
  }

  @Test
  void anAssignmentExpiresWhenTheClockPassesItsEnd() {
    UUID user = createUser("Temporary");
    UUID group = createGroup("Thirty days");
    UUID owned = createGroup("Owned for thirty days");
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Month pass"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    injector.publish(Fixtures.groupRole(accessPackage, owned, "Owner"));
    awaitReadModels();

    UUID assignment = deliver("adminAdd", accessPackage, user, "afterDuration", "P30D");
    assertDeliveredMeansHeld(assignment);
    Map<String, Object> expiration = map(map(get(V1 + "/assignments/" + assignment), "schedule"), "expiration");
    assertThat(expiration).containsEntry("type", "afterDuration").containsEntry("duration", "P30D");

    // A second user's open-ended assignment gets an end by an update request: the timer is armed then.
    UUID other = createUser("Extended");
    UUID otherGroup = createGroup("Twenty days");
    UUID otherPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(otherPackage, "Open-ended"));
    injector.publish(Fixtures.groupRole(otherPackage, otherGroup, "Member"));
    awaitReadModels();
    UUID openEnded = deliver("adminAdd", otherPackage, other, "noExpiration", null);
    UUID update = UUID.randomUUID();
    injector.publish(Fixtures.deliver(update, "adminUpdate", otherPackage, null, other, openEnded, "afterDuration", "P20D"));
    AccessPackageAssignment rescheduled = awaitEvent(AssignmentGranted.class, update).getAssignment();
    assertThat(rescheduled.getExpirationDateTime()).isAfter(rescheduled.getStartDateTime());

    clock.advance(Duration.ofDays(30).plusMinutes(1));
    for (UUID ending : List.of(assignment, openEnded)) {
      AssignmentExpired expired = (AssignmentExpired) assignmentEvents.awaitMatching(r -> r.is(AssignmentExpired.class)
          && ((AssignmentExpired) r.event()).getAssignment().getId().equals(ending.toString()), 1).get(0).event();
      assertThat(expired.getAssignment().getState()).isEqualTo("expired");
      assertThat(get(V1 + "/assignments/" + ending)).containsEntry("state", "expired");
    }
    assertThat(membersOf(group)).isEmpty();
    assertThat(related(owned, "owners")).isEmpty();
    assertThat(membersOf(otherGroup)).isEmpty();
  }

  @Test
  void rolesAddedToOrRemovedFromAPackageReachItsLiveAssignments() {
    UUID user = createUser("Grower");
    UUID group = createGroup("Growing");
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Growing access"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    awaitReadModels();
    UUID assignment = deliver("adminAdd", accessPackage, user, "noExpiration", null);

    var ownership = Fixtures.groupRole(accessPackage, group, "Owner");
    injector.publish(ownership);
    assertThat(assignmentEvents.awaitMatching(r -> r.is(AssignmentGranted.class)
        && ((AssignmentGranted) r.event()).getAssignment().getId().equals(assignment.toString()), 2)).hasSize(2);
    assertThat(related(group, "owners")).containsExactly(user);
    assertDeliveredMeansHeld(assignment);

    injector.publish(Fixtures.roleRemoved(ownership));
    assignmentEvents.awaitMatching(r -> r.is(ResourceRoleRevoked.class)
        && ((ResourceRoleRevoked) r.event()).getRoleScopeId().equals(ownership.getRoleScope().getId()), 1);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> related(group, "owners").isEmpty());
    assertThat(membersOf(group)).containsExactly(user);
    assertThat(list(get(BETA + "/accessPackageAssignments/" + assignment + "?$expand=accessPackageAssignmentResourceRoles"),
        "accessPackageAssignmentResourceRoles")).hasSize(1);
  }

  @Test
  void aGrantWaitsOutTheDirectoryBeingDownAndIsDeliveredWhenItIsBack() {
    UUID user = createUser("Patient");
    UUID group = createGroup("Eventually");
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Eventually access"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    awaitReadModels();

    directory.close();
    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.deliver(request, "adminAdd", accessPackage, null, user, null, "noExpiration", null));
    UUID assignment = UUID.fromString(awaitEvent(AssignmentCreated.class, request).getAssignment().getId());
    Map<String, Object> waiting = get(BETA + "/accessPackageAssignments/" + assignment
        + "?$expand=accessPackageAssignmentResourceRoles");
    assertThat(waiting).containsEntry("assignmentState", "Delivering");
    assertThat(list(waiting, "accessPackageAssignmentResourceRoles")).singleElement()
        .satisfies(role -> assertThat(asMap(role)).containsEntry("status", "PendingFulfillment"));

    directory = startDirectory();
    AccessPackageAssignment granted = awaitEvent(AssignmentGranted.class, request).getAssignment();
    assertThat(granted.getId()).isEqualTo(assignment.toString());
    assertThat(membersOf(group)).containsExactly(user);
    assertDeliveredMeansHeld(assignment);
  }

  @Test
  void aGroupThatNoLongerExistsFailsDeliveryForGoodUntilReprocessed() {
    UUID user = createUser("Unlucky");
    UUID group = createGroup("Short-lived");
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Short-lived access"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    awaitReadModels();
    directoryHttp.delete().uri("/v1.0/groups/{id}", group).exchange().expectStatus().isNoContent();

    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.deliver(request, "adminAdd", accessPackage, null, user, null, "noExpiration", null));
    AssignmentDeliveryFailed failed = awaitEvent(AssignmentDeliveryFailed.class, request);
    assertThat(failed.getReason()).contains("Member_" + group).contains("404").contains("does not exist");
    assertThat(failed.getAssignment().getState()).isEqualTo("deliveryFailed");
    UUID assignment = UUID.fromString(failed.getAssignment().getId());
    Map<String, Object> shown = get(BETA + "/accessPackageAssignments/" + assignment
        + "?$expand=accessPackageAssignmentResourceRoles");
    assertThat(shown).containsEntry("assignmentState", "DeliveryFailed");
    assertThat(list(shown, "accessPackageAssignmentResourceRoles")).singleElement()
        .satisfies(role -> assertThat(asMap(role)).containsEntry("status", "Failed"));
    assertThat(get(V1 + "/assignments/" + assignment)).containsEntry("state", "deliveryFailed")
        .containsEntry("status", "DeliveryFailed");

    // Graph's reprocess retries the failed role; the group is still gone, so it fails again.
    http.post().uri(V1 + "/assignments/{id}/reprocess", assignment).exchange().expectStatus().isAccepted();
    assertThat(assignmentEvents.awaitMatching(r -> r.is(AssignmentDeliveryFailed.class)
        && ((AssignmentDeliveryFailed) r.event()).getAssignment().getId().equals(assignment.toString()), 2)).hasSize(2);
    // So does the request service delivering the same request again (its own reprocess).
    injector.publish(Fixtures.deliver(request, "adminAdd", accessPackage, null, user, null, "noExpiration", null));
    assertThat(assignmentEvents.awaitMatching(r -> r.is(AssignmentDeliveryFailed.class)
        && ((AssignmentDeliveryFailed) r.event()).getAssignment().getId().equals(assignment.toString()), 3)).hasSize(3);
    assertThat(value(get(V1 + "/assignments?$filter=target/objectId eq '" + user + "'"))).hasSize(1);
    http.post().uri(V1 + "/assignments/{id}/reprocess", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    WebTestClient.bindToServer().baseUrl(provisioning.baseUrl()).build()
        .get().uri(V1 + "/assignments").exchange().expectStatus().isUnauthorized();
  }

  // ---- cancellation: request-service accepts a cancel until it hears delivery started, which can be too late

  @Test
  void aCancelRacingItsDeliveryLeavesNoAssignmentAndNoMembership() {
    UUID user = createUser("Hasty");
    UUID group = createGroup("Changed my mind");
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Regretted access"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    awaitReadModels();

    // Published back to back, as request-service emits them: provisioning may be anywhere in delivery when the cancel
    // arrives (grant queued, in flight, or done), and the outcome must not depend on where.
    UUID request = UUID.randomUUID();
    AssignmentRequestDeliveryRequested delivery = Fixtures.deliver(request, "userAdd", accessPackage, null, user, null,
        "noExpiration", null);
    injector.publish(delivery);
    injector.publish(Fixtures.cancel(delivery));

    AccessPackageAssignment removed = awaitEvent(AssignmentRemoved.class, request).getAssignment();
    assertThat(removed.getState()).isEqualTo("expired");
    assertThat(removed.getResourceRoles()).singleElement()
        .satisfies(role -> assertThat(role.getStatus()).isEqualTo("Removed"));
    // Removed is published only once the directory confirmed the revoke, so the membership is gone by now.
    assertThat(membersOf(group)).isEmpty();
    UUID assignment = UUID.fromString(removed.getId());
    assertThat(eventsOf(assignment)).startsWith("AssignmentCreated").endsWith("ResourceRoleRevoked", "AssignmentRemoved");
    assertThat(get(V1 + "/assignments/" + assignment)).containsEntry("state", "expired").containsEntry("status", "Expired");
    assertDeliveredMeansHeld(assignment);
  }

  @Test
  void aCancelAfterDeliveryRevokesWhatTheRequestGrantedButNotWhatTheTargetHeldBefore() {
    UUID user = createUser("Undecided");
    UUID group = createGroup("Granted then canceled");
    UUID held = createGroup("Held by hand");
    directoryHttp.post().uri("/v1.0/groups/{id}/members/$ref", held).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + user)).exchange()
        .expectStatus().isNoContent();
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Two groups"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    injector.publish(Fixtures.groupRole(accessPackage, held, "Member"));
    awaitReadModels();

    UUID request = UUID.randomUUID();
    AssignmentRequestDeliveryRequested delivery = Fixtures.deliver(request, "userAdd", accessPackage, null, user, null,
        "afterDuration", "P30D");
    injector.publish(delivery);
    UUID assignment = UUID.fromString(awaitEvent(AssignmentGranted.class, request).getAssignment().getId());
    assertThat(membersOf(group)).containsExactly(user);

    // request-service had not consumed AssignmentCreated yet, so it accepted the cancel.
    injector.publish(Fixtures.cancel(delivery));
    AssignmentRemoved removed = awaitEvent(AssignmentRemoved.class, request);
    assertThat(removed.getAssignment().getId()).isEqualTo(assignment.toString());
    assertThat(membersOf(group)).isEmpty();
    assertThat(membersOf(held)).as("Quartermaster did not grant it, so the cancel does not take it").containsExactly(user);
    assertThat(eventsOf(assignment)).endsWith("ResourceRoleRevoked", "ResourceRoleRevoked", "AssignmentRemoved");

    // A second cancel, and request-service delivering the canceled request again, change nothing.
    injector.publish(Fixtures.cancel(delivery));
    injector.publish(Fixtures.deliver(request, "userAdd", accessPackage, null, user, null, "afterDuration", "P30D"));
    consumed.await("assignment-requests", Topics.REQUEST_ASSIGNMENT_REQUESTS);
    assertThat(single(get(V1 + "/assignments?$filter=target/objectId eq '" + user + "'")))
        .containsEntry("id", assignment.toString()).containsEntry("state", "expired");
    assertThat(membersOf(group)).isEmpty();
    assertThat(eventsOf(assignment)).endsWith("AssignmentRemoved");
  }

  @Test
  void aCancelBeforeAFutureStartDropsTheWaitingGrantAndEndsTheAssignmentAtOnce() {
    UUID user = createUser("Planner");
    UUID group = createGroup("Next quarter");
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Next quarter access"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    awaitReadModels();

    UUID request = UUID.randomUUID();
    AssignmentRequestDeliveryRequested delivery = Fixtures.deliver(request, "adminAdd", accessPackage, null, user, null,
        clock.instant().plus(Duration.ofDays(7)), "afterDuration", "P30D");
    injector.publish(delivery);
    UUID assignment = UUID.fromString(awaitEvent(AssignmentCreated.class, request).getAssignment().getId());
    assertThat(list(get(BETA + "/accessPackageAssignments/" + assignment + "?$expand=accessPackageAssignmentResourceRoles"),
        "accessPackageAssignmentResourceRoles")).singleElement()
        .satisfies(role -> assertThat(asMap(role)).containsEntry("status", "PendingFulfillment"));

    injector.publish(Fixtures.cancel(delivery));
    // Without the clock moving: the revoke does not wait behind a grant due in a week, because that grant is gone.
    AccessPackageAssignment removed = awaitEvent(AssignmentRemoved.class, request).getAssignment();
    assertThat(removed.getId()).isEqualTo(assignment.toString());
    assertThat(removed.getState()).isEqualTo("expired");
    assertThat(membersOf(group)).isEmpty();
  }

  @Test
  void aDeliveryOfAnAlreadyCanceledRequestDeliversNothing() {
    UUID user = createUser("Withdrawn");
    UUID group = createGroup("Never granted");
    UUID accessPackage = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(accessPackage, "Never delivered"));
    injector.publish(Fixtures.groupRole(accessPackage, group, "Member"));
    awaitReadModels();

    // Canceled before provisioning ever saw it (say, while it awaited approval), then handed over anyway.
    AssignmentRequestDeliveryRequested delivery = Fixtures.deliver(UUID.randomUUID(), "userAdd", accessPackage, null, user,
        null, "noExpiration", null);
    AssignmentRequestCanceled cancel = Fixtures.cancel(delivery);
    injector.publish(cancel);
    injector.publish(delivery);
    consumed.await("assignment-requests", Topics.REQUEST_ASSIGNMENT_REQUESTS);
    assertThat(value(get(V1 + "/assignments?$filter=target/objectId eq '" + user + "'"))).isEmpty();
    assertThat(membersOf(group)).isEmpty();
  }

  /**
   * The bank in seed 002: before enforcing "Approver is incompatible with Initiator", additionalAccess finds the eleven
   * people who hold both. Single holders, and a dual holder whose initiator assignment has ended, are not listed.
   */
  @Test
  void additionalAccessListsTheCurrentAssignmentsOfEveryoneHoldingBothPackages() {
    UUID initiator = UUID.randomUUID();
    UUID approver = UUID.randomUUID();
    injector.publish(Fixtures.accessPackage(initiator, "Vendor Payment - Initiator"));
    injector.publish(Fixtures.accessPackage(approver, "Vendor Payment - Approver"));
    List<UUID> dual = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      dual.add(createUser("Dual" + i));
    }
    List<UUID> initiatorsOnly = List.of(createUser("Initiator1"), createUser("Initiator2"), createUser("Initiator3"));
    List<UUID> approversOnly = List.of(createUser("Approver1"), createUser("Approver2"));
    UUID reformed = createUser("Reformed");
    awaitReadModels();
    Map<UUID, UUID> approverAssignmentOf = new HashMap<>();
    Map<UUID, UUID> initiatorAssignmentOf = new HashMap<>();
    for (UUID user : dual) {
      initiatorAssignmentOf.put(user, deliver("adminAdd", initiator, user, "noExpiration", null));
      approverAssignmentOf.put(user, deliver("adminAdd", approver, user, "noExpiration", null));
    }
    initiatorsOnly.forEach(user -> deliver("adminAdd", initiator, user, "noExpiration", null));
    approversOnly.forEach(user -> deliver("adminAdd", approver, user, "noExpiration", null));
    remove(initiator, reformed, deliver("adminAdd", initiator, reformed, "noExpiration", null));
    deliver("adminAdd", approver, reformed, "noExpiration", null);
    String function = "/additionalAccess(accessPackageId='" + approver + "',incompatibleAccessPackageId='" + initiator + "')";

    // Paged like every collection: five at a time, with the target expanded.
    List<Map<String, Object>> listed = new ArrayList<>();
    Map<String, Object> page = get(V1 + "/assignments" + function + "?$expand=target&$top=5");
    assertThat(page.get("@odata.context").toString())
        .endsWith("/v1.0/$metadata#identityGovernance/entitlementManagement/assignments/additionalAccess");
    while (true) {
      value(page).forEach(item -> listed.add(asMap(item)));
      if (page.get("@odata.nextLink") == null) {
        break;
      }
      page = http.get().uri(java.net.URI.create(page.get("@odata.nextLink").toString())).exchange().expectStatus().isOk()
          .expectBody(JSON).returnResult().getResponseBody();
    }
    assertThat(listed).extracting(item -> UUID.fromString(item.get("id").toString()))
        .containsExactlyInAnyOrderElementsOf(approverAssignmentOf.values());
    assertThat(listed).allSatisfy(item -> assertThat(item).containsEntry("state", "delivered"));
    assertThat(listed).extracting(item -> UUID.fromString(map(item, "target").get("objectId").toString()))
        .containsExactlyInAnyOrderElementsOf(dual);
    // The other way round lists the same people's initiator assignments; the older spellings answer in beta's shape.
    Map<String, Object> reverse = get(V1 + "/assignments/additionalAccess(accessPackageId='" + initiator
        + "',incompatibleAccessPackageId='" + approver + "')?$count=true&$expand=accessPackage");
    assertThat(reverse.get("@odata.count")).isEqualTo(11);
    assertThat(value(reverse)).extracting(item -> UUID.fromString(asMap(item).get("id").toString()))
        .containsExactlyInAnyOrderElementsOf(initiatorAssignmentOf.values());
    assertThat(map(asMap(value(reverse).get(0)), "accessPackage")).containsEntry("displayName", "Vendor Payment - Initiator");
    assertThat(value(get(BETA + "/accessPackageAssignments" + function)))
        .extracting(item -> asMap(item).get("targetId").toString())
        .containsExactlyInAnyOrderElementsOf(dual.stream().map(UUID::toString).toList());
    assertThat(value(get(V1 + "/accessPackageAssignments" + function))).hasSize(11);
    // Clients that percent-encode the quotes reach the same function.
    assertThat(value(http.get().uri(java.net.URI.create(provisioning.baseUrl() + V1 + "/assignments/additionalAccess("
            + "accessPackageId=%27" + approver + "%27,incompatibleAccessPackageId=%27" + initiator + "%27)")).exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody())).hasSize(11);

    // Bad parameters change nothing and say which parameter is wrong.
    assertThat(refusal(V1 + "/assignments/additionalAccess(accessPackageId='" + approver + "',incompatibleAccessPackageId='"
        + approver + "')")).contains("'incompatibleAccessPackageId'").contains("another access package");
    assertThat(refusal(V1 + "/assignments/additionalAccess(accessPackageId='not-a-guid',incompatibleAccessPackageId='"
        + initiator + "')")).contains("Invalid value 'not-a-guid' for parameter 'accessPackageId'");
    assertThat(refusal(V1 + "/assignments/additionalAccess(accessPackageId='" + approver + "')"))
        .contains("Parameter 'incompatibleAccessPackageId' of additionalAccess is required.");
    assertThat(refusal(V1 + "/assignments/additionalAccess(accessPackageId='" + approver + "',otherId='" + initiator + "')"))
        .contains("no parameter 'otherId'");
  }

  static String refusal(String uri) {
    Map<String, Object> error = http.get().uri(uri).exchange().expectStatus().isBadRequest().expectBody(JSON).returnResult()
        .getResponseBody();
    return map(error, "error").get("message").toString();
  }

  // ---- helpers: the other services, as their clients and consumers see them

  /** Add and remove: the request service's DeliveryRequested, then the assignment it led to. */
  static UUID deliver(String type, UUID accessPackage, UUID user, String expirationType, String duration) {
    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.deliver(request, type, accessPackage, null, user, null, expirationType, duration));
    return UUID.fromString(awaitEvent(AssignmentGranted.class, request).getAssignment().getId());
  }

  static void remove(UUID accessPackage, UUID user, UUID assignment) {
    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.deliver(request, "adminRemove", accessPackage, null, user, assignment, "notSpecified", null));
    awaitEvent(AssignmentRemoved.class, request);
  }

  @SuppressWarnings("unchecked")
  static <T> T awaitEvent(Class<T> type, UUID requestId) {
    return (T) assignmentEvents.awaitMatching(r -> type.isInstance(r.event())
        && requestId.toString().equals(assignmentOf(r.event()).getRequestId()), 1).get(0).event();
  }

  static AccessPackageAssignment assignmentOf(Object event) {
    if (event instanceof AssignmentCreated created) {
      return created.getAssignment();
    }
    if (event instanceof AssignmentGranted granted) {
      return granted.getAssignment();
    }
    if (event instanceof AssignmentRemoved removed) {
      return removed.getAssignment();
    }
    if (event instanceof AssignmentExpired expired) {
      return expired.getAssignment();
    }
    if (event instanceof AssignmentDeliveryFailed failed) {
      return failed.getAssignment();
    }
    return new AccessPackageAssignment();
  }

  /** The event types about one assignment, in topic order (one key, so one partition). */
  static List<String> eventsOf(UUID assignment) {
    return assignmentEvents.drain(Duration.ofMillis(300)).stream()
        .filter(r -> assignment.toString().equals(r.is(ResourceRoleGranted.class)
            ? ((ResourceRoleGranted) r.event()).getAssignmentId()
            : r.is(ResourceRoleRevoked.class) ? ((ResourceRoleRevoked) r.event()).getAssignmentId()
            : assignmentOf(r.event()).getId()))
        .map(r -> r.event().getClass().getSimpleName()).toList();
  }

  /**
   * The invariant: an assignment is delivered exactly when its target holds, in the directory, every role the
   * assignment grants.
   */
  static void assertDeliveredMeansHeld(UUID assignment) {
    Map<String, Object> shown = get(BETA + "/accessPackageAssignments/" + assignment
        + "?$expand=accessPackageAssignmentResourceRoles");
    UUID target = UUID.fromString(shown.get("targetId").toString());
    boolean held = list(shown, "accessPackageAssignmentResourceRoles").stream().map(ProvisioningApiTest::asMap)
        .allMatch(role -> {
          String originId = role.get("originId").toString();
          UUID group = UUID.fromString(originId.substring(originId.indexOf('_') + 1));
          return related(group, originId.startsWith("Owner_") ? "owners" : "members").contains(target);
        });
    assertThat("Delivered".equals(shown.get("assignmentState"))).as("delivered ⇔ every role held").isEqualTo(held);
  }

  /** Everything the directory and the catalog said so far has reached provisioning's read models. */
  static void awaitReadModels() {
    consumed.await("catalog-access-packages", Topics.CATALOG_ACCESS_PACKAGES);
    consumed.await("assignment-policies", Topics.POLICY_ASSIGNMENT_POLICIES);
    consumed.await("directory-users", Topics.DIRECTORY_USERS);
    consumed.await("directory-groups", Topics.DIRECTORY_GROUPS);
  }

  static List<UUID> membersOf(UUID group) {
    return related(group, "members");
  }

  /** Asks the directory itself, over its API, who holds the group's role. */
  static List<UUID> related(UUID group, String navigation) {
    return value(directoryHttp.get().uri("/v1.0/groups/{id}/" + navigation, group).exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody())
        .stream().map(member -> UUID.fromString(asMap(member).get("id").toString())).toList();
  }

  static UUID createUser(String name) {
    String nickname = name + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> body = directoryHttp.post().uri("/v1.0/users").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("displayName", name, "passwordProfile", Map.of("password", "Contoso1234"), "accountEnabled", true,
            "mailNickname", nickname, "userPrincipalName", nickname + "@contoso.com"))
        .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    return UUID.fromString(body.get("id").toString());
  }

  static UUID createGroup(String name) {
    Map<String, Object> body = directoryHttp.post().uri("/v1.0/groups").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("displayName", name, "mailEnabled", false,
            "mailNickname", name.replaceAll("[^A-Za-z]", "").toLowerCase(), "securityEnabled", true))
        .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    return UUID.fromString(body.get("id").toString());
  }

  static Map<String, Object> get(String uri) {
    return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
  }

  static WebTestClient client(String baseUrl, String token) {
    return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(20))
        .defaultHeader("Authorization", "Bearer " + token).build();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Object> value(Map<String, Object> collection) {
    return list(collection, "value");
  }

  static Map<String, Object> single(Map<String, Object> collection) {
    assertThat(value(collection)).hasSize(1);
    return asMap(value(collection).get(0));
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> json, String name) {
    return (List<Object>) json.get(name);
  }

  static Map<String, Object> map(Map<String, Object> json, String name) {
    return asMap(json.get(name));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object json) {
    assertThat(json).isInstanceOf(Map.class);
    return (Map<String, Object>) json;
  }
}
