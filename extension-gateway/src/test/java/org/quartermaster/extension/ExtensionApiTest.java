package org.quartermaster.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.Topics;
import org.quartermaster.events.extension.CustomWorkflowExtensionCreated;
import org.quartermaster.events.extension.CustomWorkflowExtensionDeleted;
import org.quartermaster.events.extension.CustomWorkflowExtensionUpdated;
import org.quartermaster.events.extension.ExtensionCallbackReceived;
import org.quartermaster.events.extension.ExtensionFailed;
import org.quartermaster.events.extension.ExtensionInvoked;
import org.quartermaster.events.extension.ExtensionTimedOut;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The extension gateway on real Kafka and PostgreSQL, with real HTTP endpoints on this machine. Catalog, policy,
 * directory, request and assignment events are published as their owners would; every callout's signature is checked
 * by the ticketing sample's verifier.
 */
class ExtensionApiTest {

  static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  static final String BETA = "/beta/identityGovernance/entitlementManagement";
  static final String REQUEST_KIND = "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension";
  static final String ASSIGNMENT_KIND = "#microsoft.graph.accessPackageAssignmentWorkflowExtension";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

  static DevTokens tokens;
  static ServiceNamespace namespace;
  static RunningService gateway;
  static WebTestClient http;
  static EventInjector injector;
  static TopicTap definitionEvents;
  static TopicTap calloutEvents;
  static AdjustableClock clock;
  static Endpoint endpoint;
  static final JsonMapper json = JsonMapper.builder().build();

  static final UUID CATALOG = UUID.randomUUID();
  static final UUID PACKAGE = UUID.randomUUID();
  static final UUID TARGET = UUID.randomUUID();
  static final UUID REQUESTOR = UUID.randomUUID();

  /** The gateway reads time from this clock, which the retry and timeout tests move. */
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
    namespace = ServiceNamespace.random("extension");
    startGateway();
    endpoint = new Endpoint(new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return clock.instant();
      }
    });
    injector = new EventInjector(namespace);
    definitionEvents = new TopicTap(namespace, Topics.EXTENSION_CUSTOM_WORKFLOW_EXTENSIONS);
    calloutEvents = new TopicTap(namespace, Topics.EXTENSION_CALLOUTS);
    injector.publish(Fixtures.catalog(CATALOG, "Finance"));
    injector.publish(Fixtures.accessPackage(PACKAGE, CATALOG, "Financial Analyst - Standard"));
    injector.publish(Fixtures.user(TARGET, "Ada Analyst"));
    injector.publish(Fixtures.user(REQUESTOR, "Max Manager"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get()
        .uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions").exchange().returnResult(String.class)
        .getStatus().value() == 200);
  }

  static void startGateway() {
    gateway = RunningService.start(ExtensionGatewayApplication.application().sources(AdjustableTime.class),
        ExtensionGatewayApplication.NAME, namespace, tokens,
        "--quartermaster.extension.outbound.allow-private-networks=false",
        "--quartermaster.extension.outbound.allowed-hosts=localhost,127.0.0.1",
        "--quartermaster.extension.callouts.initial-backoff=1s",
        "--quartermaster.extension.callouts.max-backoff=4s",
        "--quartermaster.extension.callouts.poll-interval=100ms",
        "--quartermaster.extension.callbacks.poll-interval=100ms");
    clock = gateway.context().getBean(AdjustableClock.class);
    http = client(tokens.forUser(UUID.randomUUID(), "admin@contoso.com"));
  }

  static WebTestClient client(String token) {
    return WebTestClient.bindToServer().baseUrl(gateway.baseUrl()).responseTimeout(Duration.ofSeconds(20))
        .defaultHeader("Authorization", "Bearer " + token).build();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {calloutEvents, definitionEvents, injector, gateway, endpoint}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  // ---- definitions

  @Test
  void definitionsOfBothKindsAreCreatedReadReplacedAndDeletedAndTheSecretIsShownOnce() {
    Map<String, Object> created = create(Map.of("@odata.type", REQUEST_KIND, "displayName", "ServiceNow ticket on grant",
        "description", "opens a ticket",
        "endpointConfiguration", Map.of("@odata.type", "#microsoft.graph.logicAppTriggerEndpointConfiguration",
            "subscriptionId", "38ab2ccc-3747-4567-b36b-9478f5602f0d", "resourceGroupName", "rg-identity-governance",
            "logicAppWorkflowName", "la-em-servicenow"),
        "authenticationConfiguration", Map.of("@odata.type", "#microsoft.graph.azureAdPopTokenAuthentication"),
        "callbackConfiguration", Map.of("@odata.type", "microsoft.graph.customExtensionCallbackConfiguration",
            "durationBeforeTimeout", "PT1H")));
    String id = (String) created.get("id");
    assertThat(created.get("@odata.type")).isEqualTo(REQUEST_KIND);
    assertThat((String) created.get("signingSecret")).matches("whsec_[A-Za-z0-9+/]{43}=");
    assertThat(path(created, "callbackConfiguration.timeoutDuration")).isEqualTo("PT1H");
    assertThat(path(created, "endpointConfiguration.logicAppWorkflowName")).isEqualTo("la-em-servicenow");
    assertThat(path(created, "clientConfiguration.timeoutInMilliseconds")).isEqualTo(1000);

    Map<String, Object> read = get(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id);
    assertThat(read).doesNotContainKey("signingSecret").containsEntry("displayName", "ServiceNow ticket on grant");
    List<?> listed = (List<?>) get(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions").get("value");
    assertThat(listed).anyMatch(item -> id.equals(((Map<?, ?>) item).get("id")));

    Map<String, Object> assignmentKind = create(Map.of("@odata.type", ASSIGNMENT_KIND, "displayName", "Warn before expiry",
        "endpointConfiguration", Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint",
            "targetUrl", endpoint.url("localhost", "expiry")),
        "clientConfiguration", Map.of("timeoutInMilliseconds", 5000, "maximumRetries", 2)));
    assertThat(assignmentKind.get("@odata.type")).isEqualTo(ASSIGNMENT_KIND);
    assertThat(path(assignmentKind, "clientConfiguration.maximumRetries")).isEqualTo(2);
    assertThat(assignmentKind.get("callbackConfiguration")).isNull();

    // PUT replaces the whole definition: the callback configuration it leaves out is gone.
    Map<String, Object> replaced = http.put().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("displayName", "ServiceNow ticket (no wait)", "endpointConfiguration",
            Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", endpoint.url("localhost", "crud"))))
        .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    assertThat(replaced).containsEntry("displayName", "ServiceNow ticket (no wait)").containsEntry("callbackConfiguration", null);

    String rotated = (String) http.post().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id
            + "/rotateSigningSecret").exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody()
        .get("signingSecret");
    assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.get("signingSecret"));

    http.delete().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id).exchange()
        .expectStatus().isNoContent();
    http.get().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id).exchange()
        .expectStatus().isNotFound();

    definitionEvents.awaitMatching(r -> r.event() instanceof CustomWorkflowExtensionCreated c
        && c.getExtension().getId().equals(id) && c.getExtension().getLaunchAndWait()
        && "PT1H".equals(c.getExtension().getDurationBeforeTimeout()), 1);
    definitionEvents.awaitMatching(r -> r.event() instanceof CustomWorkflowExtensionUpdated u
        && u.getExtension().getId().equals(id) && !u.getExtension().getLaunchAndWait(), 1);
    definitionEvents.awaitMatching(r -> r.event() instanceof CustomWorkflowExtensionDeleted d
        && d.getExtensionId().equals(id) && d.getCatalogId().equals(CATALOG.toString()), 1);
  }

  @Test
  void badDefinitionsAreRefusedNamingTheFieldAndChangeNothing() {
    String good = endpoint.url("localhost", "bad");
    Map<String, Object> endpointOk = Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", good);
    int before = ((List<?>) get(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions").get("value")).size();

    http.post().uri(V1 + "/catalogs/" + UUID.randomUUID() + "/customWorkflowExtensions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration", endpointOk))
        .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error.message").value(message ->
            assertThat((String) message).contains("Catalog"));
    refused(Map.of("@odata.type", REQUEST_KIND, "endpointConfiguration", endpointOk), "displayName");
    refused(Map.of("displayName", "x", "endpointConfiguration", endpointOk), "@odata.type");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration",
        Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", "ftp://example.com/x")), "targetUrl");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration",
        Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", "not a url")), "targetUrl");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration",
        Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", "http://169.254.169.254/latest")),
        "endpointConfiguration");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration",
        Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", "http://metadata.google.internal/x")),
        "endpointConfiguration");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration",
        Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", "http://10.1.2.3/hook")),
        "private address");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration",
        Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", "http://192.168.1.20/hook")),
        "private address");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration", endpointOk,
        "clientConfiguration", Map.of("timeoutInMilliseconds", 100)), "clientConfiguration.timeoutInMilliseconds");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration", endpointOk,
        "clientConfiguration", Map.of("timeoutInMilliseconds", 60000)), "clientConfiguration.timeoutInMilliseconds");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration", endpointOk,
        "clientConfiguration", Map.of("maximumRetries", "two")), "clientConfiguration.maximumRetries");
    refused(Map.of("@odata.type", ASSIGNMENT_KIND, "displayName", "x", "endpointConfiguration", endpointOk,
        "callbackConfiguration", Map.of("durationBeforeTimeout", "PT1H")), "callbackConfiguration");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration", endpointOk,
        "callbackConfiguration", Map.of("timeoutDuration", "PT1M")), "durationBeforeTimeout");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration", endpointOk,
        "callbackConfiguration", Map.of("durationBeforeTimeout", "one hour")), "durationBeforeTimeout");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", 42, "endpointConfiguration", endpointOk), "displayName");
    refused(Map.of("@odata.type", REQUEST_KIND, "displayName", "x", "endpointConfiguration", endpointOk,
        "colour", "blue"), "colour");
    http.post().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"displayName\": ").exchange().expectStatus().isBadRequest();
    http.get().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + UUID.randomUUID()).exchange()
        .expectStatus().isNotFound();
    http.get().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/not-a-guid").exchange()
        .expectStatus().isBadRequest();

    assertThat((List<?>) get(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions").get("value")).hasSize(before);
  }

  @Test
  void seed002Section7sBetaCmdletBodyIsARequestExtensionWithItsLogicAppAsTheEndpoint() {
    String beta = BETA + "/accessPackageCatalogs/" + CATALOG + "/customAccessPackageWorkflowExtensions";
    // New-MgEntitlementManagementAccessPackageCatalogCustomAccessPackageWorkflowExtension -BodyParameter, as the seed
    // writes it: no @odata.type, and the Logic App under authenticationConfiguration.
    Map<String, Object> created = http.post().uri(beta).contentType(MediaType.APPLICATION_JSON).bodyValue("""
        {
          "displayName": "ServiceNow ticket on grant",
          "callbackConfiguration": {
            "@odata.type": "#microsoft.graph.customExtensionCallbackConfiguration",
            "durationBeforeTimeout": "PT1H"
          },
          "authenticationConfiguration": {
            "@odata.type": "#microsoft.graph.logicAppTriggerEndpointConfiguration",
            "subscriptionId": "<sub-id>",
            "resourceGroupName": "rg-identity-governance",
            "logicAppWorkflowName": "la-em-servicenow"
          }
        }""").exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    String id = (String) created.get("id");
    assertThat(created.get("@odata.type")).isEqualTo("#microsoft.graph.customAccessPackageWorkflowExtension");
    assertThat((String) created.get("signingSecret")).startsWith("whsec_");

    Map<String, Object> read = get(beta + "/" + id);
    assertThat(read).doesNotContainKey("signingSecret").containsEntry("authenticationConfiguration", null)
        .containsEntry("displayName", "ServiceNow ticket on grant");
    assertThat(((Map<?, ?>) read.get("endpointConfiguration")).get("@odata.type"))
        .isEqualTo("#microsoft.graph.logicAppTriggerEndpointConfiguration");
    assertThat(path(read, "endpointConfiguration.logicAppWorkflowName")).isEqualTo("la-em-servicenow");
    assertThat(path(read, "callbackConfiguration.durationBeforeTimeout")).isEqualTo("PT1H");
    assertThat(get(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id)).containsEntry("@odata.type", REQUEST_KIND);
    assertThat((List<?>) get(beta).get("value")).anyMatch(item -> id.equals(((Map<?, ?>) item).get("id")));
    definitionEvents.awaitMatching(r -> r.event() instanceof CustomWorkflowExtensionCreated c
        && c.getExtension().getId().equals(id) && c.getExtension().getKind().equals("accessPackageAssignmentRequestWorkflowExtension")
        && c.getExtension().getLaunchAndWait() && "PT1H".equals(c.getExtension().getDurationBeforeTimeout()), 1);

    // Beta's collection holds the request kind only: a pre-expiration extension is neither listed nor found there.
    String expiry = (String) create(Map.of("@odata.type", ASSIGNMENT_KIND, "displayName", "Beta cannot see me",
        "endpointConfiguration", Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint",
            "targetUrl", endpoint.url("localhost", "beta-expiry")))).get("id");
    assertThat((List<?>) get(beta).get("value")).noneMatch(item -> expiry.equals(((Map<?, ?>) item).get("id")));
    http.get().uri(beta + "/" + expiry).exchange().expectStatus().isNotFound();

    // The tolerance is that one: everything else is refused as before, on either route.
    int before = ((List<?>) get(beta).get("value")).size();
    Map<String, Object> logicApp = Map.of("@odata.type", "#microsoft.graph.logicAppTriggerEndpointConfiguration",
        "subscriptionId", "s", "resourceGroupName", "rg", "logicAppWorkflowName", "la");
    Map<String, Object> endpointOk = Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint",
        "targetUrl", endpoint.url("localhost", "beta"));
    refusedOn(beta, Map.of("@odata.type", ASSIGNMENT_KIND, "displayName", "x", "endpointConfiguration", endpointOk),
        "@odata.type");
    refusedOn(beta, Map.of("displayName", "x"), "endpointConfiguration");
    refusedOn(beta, Map.of("displayName", "x", "endpointConfiguration", endpointOk, "authenticationConfiguration", logicApp),
        "authenticationConfiguration.@odata.type");
    refusedOn(beta, Map.of("displayName", "x", "authenticationConfiguration",
        Map.of("@odata.type", "#microsoft.graph.azureAdPopTokenAuthentication")), "endpointConfiguration");
    refusedOn(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions", Map.of("@odata.type", REQUEST_KIND,
        "displayName", "x", "authenticationConfiguration", logicApp), "endpointConfiguration");
    assertThat((List<?>) get(beta).get("value")).hasSize(before);

    // PUT without @odata.type keeps the kind and replaces the rest; DELETE removes it from both routes.
    Map<String, Object> replaced = http.put().uri(beta + "/" + id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("displayName", "ServiceNow ticket (no wait)", "endpointConfiguration", endpointOk))
        .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    assertThat(replaced).containsEntry("@odata.type", "#microsoft.graph.customAccessPackageWorkflowExtension")
        .containsEntry("callbackConfiguration", null);
    assertThat(path(replaced, "endpointConfiguration.targetUrl")).isEqualTo(endpointOk.get("targetUrl"));
    http.put().uri(beta + "/" + expiry).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("displayName", "y", "endpointConfiguration", endpointOk)).exchange().expectStatus().isNotFound();
    http.delete().uri(beta + "/" + expiry).exchange().expectStatus().isNotFound();
    http.delete().uri(beta + "/" + id).exchange().expectStatus().isNoContent();
    http.get().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id).exchange().expectStatus().isNotFound();
    get(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + expiry);
  }

  @Test
  void anExtensionAPolicyBindsCannotBeDeleted() {
    Map<String, Object> created = create(requestExtension("Bound", endpoint.url("localhost", "bound"), null, 0));
    String id = (String) created.get("id");
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "Finance analysts", "assignmentRequestGranted", id));
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        http.delete().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id).exchange()
            .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.message").value(message ->
                assertThat((String) message).contains("Finance analysts").contains(policy.toString())));
    get(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + id);
  }

  // ---- invocation

  @Test
  void grantsAndRemovalsAreSignedAndCarryTheLogicAppPayload() {
    Map<String, Object> onGrant = create(requestExtension("Ticket on grant", endpoint.url("localhost", "grant"), null, 1));
    Map<String, Object> onRemoval = create(requestExtension("Ticket on removal", endpoint.url("localhost", "removal"), null, 1));
    endpoint.expect("grant", (String) onGrant.get("signingSecret"), Endpoint.Mode.ACCEPT);
    endpoint.expect("removal", (String) onRemoval.get("signingSecret"), Endpoint.Mode.ACCEPT);
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "Seed 002 policy", "assignmentRequestGranted",
        onGrant.get("id"), "assignmentRequestRemoved", onRemoval.get("id")));
    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.requestCreated(request, PACKAGE, CATALOG, policy, TARGET, REQUESTOR));
    awaitBound(onGrant.get("id"));
    awaitRequestKnown(request);

    AccessPackageAssignment assignment = Fixtures.assignment(UUID.randomUUID(), PACKAGE, CATALOG, policy, TARGET, request,
        "delivered", null);
    injector.publish(Fixtures.granted(assignment));
    Endpoint.Call grant = awaitCalls("grant", 1).get(0);
    assertThat(grant.signatureValid()).isTrue();
    assertThat(grant.signature()).startsWith("v1,");
    assertThat(Long.parseLong(grant.timestamp())).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
    Map<String, Object> payload = parse(grant.body());
    assertThat(payload).containsEntry("Stage", "assignmentRequestGranted")
        .containsEntry("AccessPackageAssignmentRequestId", request.toString())
        .containsEntry("CallbackUriPath", "/identityGovernance/entitlementManagement/accessPackageAssignmentRequests/"
            + request + "/resume")
        .containsEntry("CustomExtensionStageInstanceId", grant.webhookId())
        .containsEntry("RequestType", "userAdd")
        .doesNotContainKey("CallbackConfiguration");
    assertThat(path(payload, "AccessPackage.DisplayName")).isEqualTo("Financial Analyst - Standard");
    assertThat(path(payload, "AccessPackageCatalog.DisplayName")).isEqualTo("Finance");
    assertThat(path(payload, "Assignment.Id")).isEqualTo(assignment.getId());
    assertThat(path(payload, "Assignment.Target.ObjectId")).isEqualTo(TARGET.toString());
    assertThat(path(payload, "Assignment.Target.DisplayName")).isEqualTo("Ada Analyst");
    assertThat(path(payload, "Assignment.AssignmentPolicy.DisplayName")).isEqualTo("Seed 002 policy");
    assertThat(path(payload, "Requestor.DisplayName")).isEqualTo("Max Manager");
    calloutEvents.awaitMatching(r -> r.event() instanceof ExtensionInvoked invoked
        && invoked.getCallout().getId().equals(grant.webhookId())
        && invoked.getCallout().getStatus().equals("calloutSent") && r.key().equals(TARGET.toString()), 1);

    injector.publish(Fixtures.removed(assignment));
    Endpoint.Call removal = awaitCalls("removal", 1).get(0);
    assertThat(removal.signatureValid()).isTrue();
    assertThat(parse(removal.body())).containsEntry("Stage", "assignmentRequestRemoved");
    // The grant extension ran once: a removal is not a grant.
    assertThat(endpoint.calls("grant")).hasSize(1);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> record = (List<Map<String, Object>>) get("/quartermaster/v1/assignmentRequests/" + request + "/customExtensionCalloutInstances")
        .get("value");
    assertThat(record).extracting(item -> item.get("status")).containsOnly("calloutSent");
    assertThat(record).extracting(item -> item.get("stage"))
        .containsExactlyInAnyOrder("assignmentRequestGranted", "assignmentRequestRemoved");
  }

  @Test
  void anExtensionWithClientCredentialsSendsABearerTokenFromItsTokenEndpoint() {
    Map<String, Object> body = new java.util.LinkedHashMap<>(requestExtension("Ticket with OAuth",
        endpoint.url("localhost", "oauth"), null, 1));
    body.put("authenticationConfiguration", Map.of("@odata.type", "#quartermaster.oauth2ClientCredentials",
        "tokenUrl", endpoint.tokenUrl(), "clientId", "quartermaster", "clientSecret", "s3cret value",
        "scope", "api://ticketing/.default"));
    Map<String, Object> created = create(body);
    assertThat(String.valueOf(created)).doesNotContain("s3cret");
    assertThat(String.valueOf(get(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + created.get("id"))))
        .doesNotContain("s3cret");
    endpoint.expect("oauth", (String) created.get("signingSecret"), Endpoint.Mode.ACCEPT);
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "OAuth policy", "assignmentRequestGranted",
        created.get("id"), "assignmentRequestRemoved", created.get("id")));
    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.requestCreated(request, PACKAGE, CATALOG, policy, TARGET, REQUESTOR));
    awaitBound(created.get("id"));
    awaitRequestKnown(request);

    AccessPackageAssignment assignment = Fixtures.assignment(UUID.randomUUID(), PACKAGE, CATALOG, policy, TARGET, request,
        "delivered", null);
    injector.publish(Fixtures.granted(assignment));
    injector.publish(Fixtures.removed(assignment));

    List<Endpoint.Call> calls = awaitCalls("oauth", 2);
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.signatureValid()).isTrue();
      assertThat(call.authorization()).isEqualTo("Bearer issued-1");
    });
    // One grant served both calls: the token is cached for its lifetime.
    assertThat(endpoint.tokenRequests()).singleElement().satisfies(form -> assertThat(form)
        .contains("grant_type=client_credentials", "client_id=quartermaster", "client_secret=s3cret+value",
            "scope=api%3A%2F%2Fticketing%2F.default"));
  }

  @Test
  void anEndpointThatIsDownIsRetriedThenRecordedAsFailedWhileAnotherExtensionCompletes() {
    Map<String, Object> down = create(requestExtension("Down", endpoint.url("localhost", "down"), null, 2));
    Map<String, Object> up = create(requestExtension("Up", endpoint.url("localhost", "up"), null, 0));
    endpoint.expect("down", (String) down.get("signingSecret"), Endpoint.Mode.DOWN);
    endpoint.expect("up", (String) up.get("signingSecret"), Endpoint.Mode.ACCEPT);
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "Retry policy", "assignmentRequestCreated", down.get("id"),
        "assignmentRequestCreated", up.get("id")));
    awaitBound(down.get("id"));
    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.requestCreated(request, PACKAGE, CATALOG, policy, TARGET, REQUESTOR));

    awaitCalls("down", 1);
    awaitCalls("up", 1);
    calloutEvents.awaitMatching(r -> r.event() instanceof ExtensionInvoked invoked
        && invoked.getCallout().getRequestId().equals(request.toString())
        && invoked.getCallout().getCustomExtensionId().equals(up.get("id")), 1);
    // The retry waits for the service's clock, not the wall clock.
    assertThat(endpoint.calls("down")).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    awaitCalls("down", 2);
    clock.advance(Duration.ofSeconds(3));
    awaitCalls("down", 3);
    ExtensionFailed failed = (ExtensionFailed) calloutEvents.awaitMatching(r -> r.event() instanceof ExtensionFailed f
        && f.getCallout().getRequestId().equals(request.toString()), 1).get(0).event();
    assertThat(failed.getCallout().getAttempts()).isEqualTo(3);
    assertThat(failed.getCallout().getHttpStatus()).isEqualTo(503);
    assertThat(failed.getReason()).contains("503");
    assertThat(endpoint.calls("down")).extracting(Endpoint.Call::webhookId).containsOnly(failed.getCallout().getId());
    assertThat(endpoint.calls("down")).allMatch(Endpoint.Call::signatureValid);
    clock.advance(Duration.ofSeconds(10));
    assertThat(calloutEvents.drain(Duration.ofMillis(800)).stream().filter(r -> r.event() instanceof ExtensionFailed f
        && f.getCallout().getRequestId().equals(request.toString()))).hasSize(1);
    assertThat(endpoint.calls("down")).hasSize(3);
  }

  @Test
  void aHangingEndpointDoesNotStallTheCalloutsOfAFastOne() {
    Map<String, Object> slow = create(requestExtension("Slow", endpoint.url("127.0.0.1", "slow"), null, 0, 8000));
    Map<String, Object> fast = create(requestExtension("Fast", endpoint.url("localhost", "fast"), null, 0));
    endpoint.expect("slow", (String) slow.get("signingSecret"), Endpoint.Mode.HANG);
    endpoint.expect("fast", (String) fast.get("signingSecret"), Endpoint.Mode.ACCEPT);
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "Slow and fast", "assignmentRequestGranted", slow.get("id"),
        "assignmentRequestGranted", fast.get("id")));
    awaitBound(slow.get("id"));
    for (int i = 0; i < 6; i++) {
      injector.publish(Fixtures.granted(Fixtures.assignment(UUID.randomUUID(), PACKAGE, CATALOG, policy, TARGET, null,
          "delivered", null)));
    }
    Awaitility.await().atMost(Duration.ofSeconds(6)).until(() -> endpoint.calls("fast").size() == 6);
    // Six slow callouts are due, but no more than four are in flight to their host; the fast host got all of its.
    assertThat(endpoint.hanging()).isBetween(1, 4);
    assertThat(endpoint.calls("slow")).hasSizeLessThanOrEqualTo(4);
  }

  // ---- launch and wait

  @Test
  void aLaunchAndWaitCalloutIsResumedOnceByItsRequestOnly() {
    Map<String, Object> wait = create(requestExtension("Approve in ServiceNow", endpoint.url("localhost", "wait"), "PT1H", 1));
    endpoint.expect("wait", (String) wait.get("signingSecret"), Endpoint.Mode.ACCEPT);
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "Wait policy", "assignmentRequestCreated", wait.get("id")));
    awaitBound(wait.get("id"));

    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.requestCreated(request, PACKAGE, CATALOG, policy, TARGET, REQUESTOR));
    Map<String, Object> payload = parse(awaitCalls("wait", 1).get(0).body());
    assertThat(path(payload, "CallbackConfiguration.DurationBeforeTimeout")).isEqualTo("PT1H");
    String instance = (String) payload.get("CustomExtensionStageInstanceId");
    awaitWaiting(instance);

    String app = tokens.custom(claims -> claims.claim("oid", UUID.randomUUID().toString()).claim("idtyp", "app")
        .claim("scp", ""));
    String stranger = tokens.withScopes(UUID.randomUUID(), "EntitlementManagement.Read.All");
    resume(stranger, BETA + "/accessPackageAssignmentRequests/" + request + "/resume", instance, null)
        .expectStatus().isForbidden();
    resume(app, V1 + "/assignmentRequests/" + UUID.randomUUID() + "/resume", instance, null)
        .expectStatus().isNotFound();
    resume(app, V1 + "/assignmentRequests/" + request + "/resume", UUID.randomUUID().toString(), null)
        .expectStatus().isNotFound();
    resume(app, V1 + "/assignmentRequests/" + request + "/resume", instance, "Approved")
        .expectStatus().isBadRequest().expectBody().jsonPath("$.error.message").value(m ->
            assertThat((String) m).contains("data.state"));
    // The callback URL the payload gives, on beta, as Microsoft's samples call it.
    resume(app, BETA + payload.get("CallbackUriPath").toString().replace("/identityGovernance/entitlementManagement", ""),
        instance, null).expectStatus().isNoContent();
    resume(app, V1 + "/assignmentRequests/" + request + "/resume", instance, null).expectStatus().isEqualTo(409);

    ExtensionCallbackReceived received = (ExtensionCallbackReceived) calloutEvents.awaitMatching(r ->
        r.event() instanceof ExtensionCallbackReceived c && c.getCallout().getId().equals(instance), 1).get(0).event();
    assertThat(received.getDenied()).isFalse();
    assertThat(received.getSource()).isEqualTo("Contoso.Test");
    assertThat(received.getCallout().getStatus()).isEqualTo("callbackReceived");
    assertThat(received.getCallout().getDetail()).isEqualTo("checked by the test");
    assertThat(calloutEvents.drain(Duration.ofMillis(500)).stream()
        .filter(r -> r.event() instanceof ExtensionCallbackReceived c && c.getCallout().getId().equals(instance)))
        .hasSize(1);

    // The requestor denies another request at the created stage.
    UUID denied = UUID.randomUUID();
    injector.publish(Fixtures.requestCreated(denied, PACKAGE, CATALOG, policy, TARGET, REQUESTOR));
    String deniedInstance = (String) parse(awaitCalls("wait", 2).get(1).body()).get("CustomExtensionStageInstanceId");
    awaitWaiting(deniedInstance);
    resume(tokens.withScopes(REQUESTOR, "EntitlementManagement.Read.All"),
        V1 + "/assignmentRequests/" + denied + "/resume", deniedInstance, "Denied").expectStatus().isNoContent();
    calloutEvents.awaitMatching(r -> r.event() instanceof ExtensionCallbackReceived c
        && c.getCallout().getId().equals(deniedInstance) && c.getDenied(), 1);
  }

  @Test
  void withoutACallbackTheWaitTimesOutExactlyOnce() {
    Map<String, Object> wait = create(requestExtension("Never answers", endpoint.url("localhost", "silent"), "PT10M", 1));
    endpoint.expect("silent", (String) wait.get("signingSecret"), Endpoint.Mode.ACCEPT);
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "Silent policy", "assignmentRequestApproved", wait.get("id"),
        "assignmentRequestCreated", wait.get("id")));
    awaitBound(wait.get("id"));
    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.requestCreated(request, PACKAGE, CATALOG, policy, TARGET, REQUESTOR));
    String instance = (String) parse(awaitCalls("silent", 1).get(0).body()).get("CustomExtensionStageInstanceId");
    awaitWaiting(instance);

    clock.advance(Duration.ofMinutes(9));
    assertThat(calloutEvents.drain(Duration.ofMillis(600)).stream()
        .filter(r -> r.event() instanceof ExtensionTimedOut t && t.getCallout().getId().equals(instance))).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    ExtensionTimedOut timedOut = (ExtensionTimedOut) calloutEvents.awaitMatching(r -> r.event() instanceof ExtensionTimedOut t
        && t.getCallout().getId().equals(instance), 1).get(0).event();
    assertThat(timedOut.getReason()).isEqualTo("callback timed out");
    assertThat(timedOut.getCallout().getStatus()).isEqualTo("callbackTimedOut");
    clock.advance(Duration.ofMinutes(30));
    assertThat(calloutEvents.drain(Duration.ofMillis(600)).stream()
        .filter(r -> r.event() instanceof ExtensionTimedOut t && t.getCallout().getId().equals(instance))).hasSize(1);
    resume(http, V1 + "/assignmentRequests/" + request + "/resume", instance, null).expectStatus().isEqualTo(409);
  }

  @Test
  void aWaitSurvivesARestartAndIsResumedAfterIt() {
    Map<String, Object> wait = create(requestExtension("Survives", endpoint.url("localhost", "restart"), "P1D", 1));
    endpoint.expect("restart", (String) wait.get("signingSecret"), Endpoint.Mode.ACCEPT);
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "Restart policy", "assignmentRequestCreated", wait.get("id")));
    awaitBound(wait.get("id"));
    UUID request = UUID.randomUUID();
    injector.publish(Fixtures.requestCreated(request, PACKAGE, CATALOG, policy, TARGET, REQUESTOR));
    String instance = (String) parse(awaitCalls("restart", 1).get(0).body()).get("CustomExtensionStageInstanceId");
    awaitWaiting(instance);

    gateway.close();
    startGateway();
    resume(tokens.withScopes(TARGET, "EntitlementManagement.Read.All"), V1 + "/assignmentRequests/" + request + "/resume",
        instance, null).expectStatus().isNoContent();
    calloutEvents.awaitMatching(r -> r.event() instanceof ExtensionCallbackReceived c && c.getCallout().getId().equals(instance), 1);
    assertThat(endpoint.calls("restart")).hasSize(1);
  }

  // ---- pre-expiration

  @Test
  void preExpirationExtensionsFireFourteenDaysBeforeExpiryUnlessTheAssignmentEnded() {
    Map<String, Object> warn = create(Map.of("@odata.type", ASSIGNMENT_KIND, "displayName", "Warn 14 days ahead",
        "endpointConfiguration", Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint",
            "targetUrl", endpoint.url("localhost", "expiring"))));
    endpoint.expect("expiring", (String) warn.get("signingSecret"), Endpoint.Mode.ACCEPT);
    UUID policy = UUID.randomUUID();
    injector.publish(Fixtures.policy(policy, PACKAGE, CATALOG, "Expiring policy", "assignmentFourteenDaysBeforeExpiration",
        warn.get("id")));
    awaitBound(warn.get("id"));
    Instant expiry = clock.instant().plus(Duration.ofDays(20));
    AccessPackageAssignment kept = Fixtures.assignment(UUID.randomUUID(), PACKAGE, CATALOG, policy, TARGET, null,
        "delivered", expiry);
    AccessPackageAssignment ended = Fixtures.assignment(UUID.randomUUID(), PACKAGE, CATALOG, policy, REQUESTOR, null,
        "delivered", expiry);
    injector.publish(Fixtures.granted(kept));
    injector.publish(Fixtures.granted(ended));
    injector.publish(Fixtures.removed(ended));
    calloutEvents.drain(Duration.ofSeconds(1));
    assertThat(endpoint.calls("expiring")).isEmpty();

    clock.advance(Duration.ofDays(6).plusMinutes(1));
    Endpoint.Call call = awaitCalls("expiring", 1).get(0);
    assertThat(call.signatureValid()).isTrue();
    Map<String, Object> payload = parse(call.body());
    assertThat(payload).containsEntry("Stage", "assignmentFourteenDaysBeforeExpiration").doesNotContainKey("CallbackConfiguration");
    assertThat(path(payload, "Assignment.Id")).isEqualTo(kept.getId());
    calloutEvents.drain(Duration.ofSeconds(1));
    assertThat(endpoint.calls("expiring")).hasSize(1);
  }

  // ---- helpers

  static Map<String, Object> requestExtension(String name, String url, String callbackTimeout, int retries) {
    return requestExtension(name, url, callbackTimeout, retries, 2000);
  }

  static Map<String, Object> requestExtension(String name, String url, String callbackTimeout, int retries, int timeout) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("@odata.type", REQUEST_KIND);
    body.put("displayName", name);
    body.put("endpointConfiguration", Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint", "targetUrl", url));
    body.put("clientConfiguration", Map.of("timeoutInMilliseconds", timeout, "maximumRetries", retries));
    if (callbackTimeout != null) {
      body.put("callbackConfiguration", Map.of("@odata.type", "#microsoft.graph.customExtensionCallbackConfiguration",
          "timeoutDuration", callbackTimeout));
    }
    return body;
  }

  static Map<String, Object> create(Map<String, Object> body) {
    return http.post().uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
  }

  static void refused(Map<String, Object> body, String naming) {
    refusedOn(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions", body, naming);
  }

  static void refusedOn(String collection, Map<String, Object> body, String naming) {
    http.post().uri(collection).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error.message")
        .value(message -> assertThat((String) message).as("refusal of %s", body).contains(naming));
  }

  static Map<String, Object> get(String uri) {
    return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
  }

  static WebTestClient.ResponseSpec resume(String token, String uri, String instance, String state) {
    return resume(client(token), uri, instance, state);
  }

  static WebTestClient.ResponseSpec resume(WebTestClient client, String uri, String instance, String state) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("@odata.type", "microsoft.graph.accessPackageAssignmentRequestCallbackData");
    data.put("stage", "assignmentRequestCreated");
    data.put("customExtensionStageInstanceId", instance);
    data.put("customExtensionStageInstanceDetail", "checked by the test");
    if (state != null) {
      data.put("state", state);
    }
    return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("source", "Contoso.Test", "type", "microsoft.graph.accessPackageCustomExtensionStage."
            + "assignmentRequestCreated", "data", data))
        .exchange();
  }

  /** The policy's bindings are in the read model once deleting an extension it binds is refused. */
  static void awaitBound(Object extensionId) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.delete()
        .uri(V1 + "/catalogs/" + CATALOG + "/customWorkflowExtensions/" + extensionId).exchange()
        .returnResult(String.class).getStatus().value() == 409);
  }

  /** The request's read model knows it once its requestor may read its callout record. */
  static void awaitRequestKnown(UUID request) {
    WebTestClient requestor = client(tokens.withScopes(REQUESTOR, "EntitlementManagement.Read.All"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> requestor.get()
        .uri("/quartermaster/v1/assignmentRequests/" + request + "/customExtensionCalloutInstances").exchange()
        .returnResult(String.class).getStatus().value() == 200);
  }

  static List<Endpoint.Call> awaitCalls(String name, int count) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.calls(name).size() >= count);
    return endpoint.calls(name);
  }

  static void awaitWaiting(String instance) {
    calloutEvents.awaitMatching(r -> r.event() instanceof ExtensionInvoked invoked
        && invoked.getCallout().getId().equals(instance) && invoked.getCallout().getStatus().equals("waitingForCallback"), 1);
  }

  @SuppressWarnings("unchecked")
  static Object path(Map<String, Object> map, String path) {
    Object current = map;
    for (String segment : path.split("\\.")) {
      current = current == null ? null : ((Map<String, Object>) current).get(segment);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String body) {
    return json.readValue(body, Map.class);
  }
}
