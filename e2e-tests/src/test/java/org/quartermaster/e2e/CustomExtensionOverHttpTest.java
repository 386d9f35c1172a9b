package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.e2e.MarketingCampaign.V1;
import static org.quartermaster.e2e.MarketingCampaign.created;
import static org.quartermaster.e2e.MarketingCampaign.ok;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.devstack.DevstackSettings;
import org.quartermaster.examples.ticketing.TicketingApp;
import org.quartermaster.examples.ticketing.TicketingApp.Ticket;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002 section 7 and launch-and-wait through the gateway, with the sample ticketing app of {@code examples/} as the
 * outside system: it verifies every callout's signature, opens tickets on grant and removal, and resumes waiting
 * requests with the devstack's dev token, as a Logic App would with its managed identity.
 */
@EndToEnd
class CustomExtensionOverHttpTest {

  static final String CALLOUTS = "/quartermaster/v1/assignmentRequests/";
  private final List<TicketingApp> apps = new ArrayList<>();

  @AfterEach
  void stopApps() {
    apps.forEach(TicketingApp::close);
  }

  /** An extension in the package's catalog whose endpoint is a ticketing app started for it, with its secret. */
  record Extension(String id, TicketingApp app) {
  }

  Extension extension(RunningSystem system, GraphHttp admin, MarketingCampaign campaign, String name,
      String callbackTimeout, Duration resumeDelay, boolean deny, Clock clock) {
    int port = freePort();
    Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
        "@odata.type", "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
        "displayName", name,
        "description", "Opens a ticket",
        "endpointConfiguration", Map.of("@odata.type", "#microsoft.graph.httpRequestEndpoint",
            "targetUrl", "http://localhost:" + port + "/callouts"),
        "authenticationConfiguration", Map.of("@odata.type", "#microsoft.graph.azureAdPopTokenAuthentication"),
        "clientConfiguration", Map.of("timeoutInMilliseconds", 2000, "maximumRetries", 1)));
    if (callbackTimeout != null) {
      body.put("callbackConfiguration", Map.of("@odata.type", "#microsoft.graph.customExtensionCallbackConfiguration",
          "durationBeforeTimeout", callbackTimeout));
    }
    JsonNode extension = created(admin.post(V1 + "/catalogs/" + campaign.catalogId() + "/customWorkflowExtensions", body));
    String secret = extension.path("signingSecret").asString();
    assertThat(secret).startsWith("whsec_");
    try {
      TicketingApp app = new TicketingApp(new TicketingApp.Settings(port, secret, system.baseUrl() + "/beta",
          resumeDelay, deny, system.baseUrl() + "/dev/token", null, null, null, DevstackSettings.DEFAULT_ADMINISTRATOR,
          null), clock);
      app.start();
      apps.add(app);
      return new Extension(extension.path("id").asString(), app);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String policy(GraphHttp admin, MarketingCampaign campaign, List<Map<String, Object>> stageSettings) {
    return created(admin.post(V1 + "/assignmentPolicies", Map.of(
        "displayName", "Requestor1, with extensions",
        "allowedTargetScope", "specificDirectoryUsers",
        "specificAllowedTargets", List.of(Map.of("@odata.type", "#microsoft.graph.singleUser",
            "userId", campaign.requestor().id())),
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
        "customExtensionStageSettings", stageSettings,
        "accessPackage", Map.of("id", campaign.packageId())))).path("id").asString();
  }

  static Map<String, Object> at(String stage, Extension extension) {
    return Map.of("stage", stage, "customExtension", Map.of("id", extension.id()));
  }

  static String request(RunningSystem system, MarketingCampaign campaign, String policyId) {
    GraphHttp requestor = GraphHttp.withToken(system, campaign.requestor().token(system));
    return created(requestor.post(V1 + "/assignmentRequests", Map.of("requestType", "userAdd",
        "assignment", Map.of("targetId", campaign.requestor().id(), "assignmentPolicyId", policyId,
            "accessPackageId", campaign.packageId())))).path("id").asString();
  }

  static JsonNode settled(GraphHttp admin, String requestId) {
    return Eventually.await("request " + requestId + " settled",
        () -> ok(admin.get(V1 + "/assignmentRequests/" + requestId)).body(),
        body -> Eventually.completed(body.path("state").asString()));
  }

  static List<JsonNode> callouts(GraphHttp admin, String requestId) {
    return ok(admin.get(CALLOUTS + requestId + "/customExtensionCalloutInstances")).values();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void ticketsAreOpenedOnGrantAndOnRemovalWithVerifiedSignatures(RunningSystem system) throws Exception {
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Ticketed campaign " + MarketingCampaign.suffix());
    Extension onGrant = extension(system, admin, campaign, "ServiceNow ticket on grant", null, Duration.ZERO, false,
        Clock.systemUTC());
    Extension onRemoval = extension(system, admin, campaign, "ServiceNow ticket on removal", null, Duration.ZERO, false,
        Clock.systemUTC());
    // Seed 002 section 7's binding, as the seed writes it.
    String policyId = policy(admin, campaign, List.of(at("assignmentRequestGranted", onGrant),
        at("assignmentRequestRemoved", onRemoval)));

    String requestId = request(system, campaign, policyId);
    JsonNode delivered = settled(admin, requestId);
    assertThat(delivered.path("state").asString()).isEqualTo("delivered");
    Ticket granted = Eventually.await("the grant's ticket", onGrant.app()::tickets, tickets -> !tickets.isEmpty()).get(0);
    assertThat(granted.stage()).isEqualTo("assignmentRequestGranted");
    assertThat(granted.target()).isEqualTo("Requestor1");
    assertThat(granted.accessPackage()).startsWith("Ticketed campaign");
    assertThat(onRemoval.app().tickets()).isEmpty();

    String assignmentId = ok(admin.get(V1 + "/assignmentRequests/" + requestId + "?$expand=assignment")).body()
        .path("assignment").path("id").asString();
    String removalId = created(admin.post(V1 + "/assignmentRequests", Map.of("requestType", "adminRemove",
        "assignment", Map.of("id", assignmentId)))).path("id").asString();
    assertThat(settled(admin, removalId).path("state").asString()).isEqualTo("delivered");
    Ticket removed = Eventually.await("the removal's ticket", onRemoval.app()::tickets, tickets -> !tickets.isEmpty())
        .get(0);
    assertThat(removed.stage()).isEqualTo("assignmentRequestRemoved");
    assertThat(onGrant.app().tickets()).hasSize(1);

    // A forged callout, signed with another secret, opens nothing.
    HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + onGrant.app().port() + "/callouts"))
        .header("webhook-id", "msg_forged").header("webhook-timestamp", String.valueOf(System.currentTimeMillis() / 1000))
        .header("webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        .POST(HttpRequest.BodyPublishers.ofString("{\"Stage\":\"assignmentRequestGranted\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(onGrant.app().tickets()).hasSize(1);
    assertThat(callouts(admin, requestId)).extracting(callout -> callout.path("status").asString())
        .containsExactly("calloutSent");
  }

  @Test
  void aLaunchAndWaitExtensionAtTheApprovedStageHoldsDeliveryUntilItsCallback(ClockedSystem clocked) {
    RunningSystem system = clocked.system();
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Checked campaign " + MarketingCampaign.suffix());
    Extension check = extension(system, admin, campaign, "Provisioning check", "PT10M", Duration.ofSeconds(3), false,
        clocked.clock());
    String adminId = MarketingCampaign.single(ok(admin.get("/v1.0/users?$filter=userPrincipalName eq '"
        + DevstackSettings.DEFAULT_ADMINISTRATOR + "'")).values()).path("id").asString();
    String policyId = created(admin.post(V1 + "/assignmentPolicies", Map.of(
        "displayName", "Approved, then checked",
        "allowedTargetScope", "specificDirectoryUsers",
        "specificAllowedTargets", List.of(Map.of("@odata.type", "#microsoft.graph.singleUser",
            "userId", campaign.requestor().id())),
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
        "requestApprovalSettings", Map.of("isApprovalRequiredForAdd", true, "stages", List.of(Map.of(
            "durationBeforeAutomaticDenial", "P1D", "isApproverJustificationRequired", false, "isEscalationEnabled", false,
            "primaryApprovers", List.of(Map.of("@odata.type", "#microsoft.graph.singleUser", "userId", adminId))))),
        "customExtensionStageSettings", List.of(at("assignmentRequestApproved", check)),
        "accessPackage", Map.of("id", campaign.packageId())))).path("id").asString();

    String requestId = request(system, campaign, policyId);
    String approvals = V1 + "/accessPackageAssignmentApprovals/" + requestId;
    JsonNode stage = Eventually.await("stage 1 started", () -> ok(admin.get(approvals)).body(),
        body -> "InProgress".equals(body.path("stages").path(0).path("status").asString())).path("stages").path(0);
    GraphHttp.Answer approved = admin.patch(approvals + "/stages/" + stage.path("id").asString(),
        Map.of("reviewResult", "Approve", "justification", "Fine"));
    assertThat(approved.status()).as("%s", approved.body()).isEqualTo(204);

    JsonNode waiting = Eventually.await("the request waits", () -> ok(admin.get(V1 + "/assignmentRequests/" + requestId))
        .body(), body -> "WaitingForCallback".equals(body.path("status").asString()));
    assertThat(waiting.path("state").asString()).isEqualTo("pendingApproval");
    assertThat(campaign.memberIds(admin)).isEmpty();

    JsonNode done = settled(admin, requestId);
    assertThat(done.path("state").asString()).isEqualTo("delivered");
    assertThat(campaign.memberIds(admin)).containsExactly(campaign.requestor().id());
    List<JsonNode> record = callouts(admin, requestId);
    assertThat(record).extracting(callout -> callout.path("status").asString()).containsExactly("callbackReceived");
    assertThat(check.app().resumed()).containsExactly(record.get(0).path("id").asString());

    // The same resume again changes nothing and is refused.
    assertThat(admin.post(V1 + "/assignmentRequests/" + requestId + "/resume",
        resume(record.get(0).path("id").asString(), "assignmentRequestApproved")).status()).isEqualTo(409);
    assertThat(ok(admin.get(V1 + "/assignmentRequests/" + requestId)).body().path("state").asString())
        .isEqualTo("delivered");
  }

  static Map<String, Object> resume(String instanceId, String stage) {
    return Map.of("source", "Contoso.SodCheckProcess", "type",
        "microsoft.graph.accessPackageCustomExtensionStage." + stage, "data", Map.of(
            "@odata.type", "microsoft.graph.accessPackageAssignmentRequestCallbackData",
            "stage", stage,
            "customExtensionStageInstanceId", instanceId,
            "customExtensionStageInstanceDetail", "This user is all verified"));
  }

  @Test
  void aDenyingCallbackDeniesTheRequest(ClockedSystem clocked) {
    RunningSystem system = clocked.system();
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Refused campaign " + MarketingCampaign.suffix());
    Extension check = extension(system, admin, campaign, "Strict check", "PT10M", Duration.ofMillis(200), true,
        clocked.clock());
    String policyId = policy(admin, campaign, List.of(at("assignmentRequestCreated", check)));

    String requestId = request(system, campaign, policyId);

    JsonNode done = settled(admin, requestId);
    assertThat(done.path("state").asString()).isEqualTo("denied");
    assertThat(done.path("@quartermaster.reason").asString()).contains("Strict check");
    assertThat(campaign.memberIds(admin)).isEmpty();
  }

  @Test
  void withoutACallbackTheRequestTimesOutAndNothingIsProvisioned(ClockedSystem clocked) {
    RunningSystem system = clocked.system();
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Forgotten campaign " + MarketingCampaign.suffix());
    Extension slow = extension(system, admin, campaign, "Slow check", "PT10M", Duration.ofHours(1), false,
        clocked.clock());
    String policyId = policy(admin, campaign, List.of(at("assignmentRequestCreated", slow)));
    String requestId = request(system, campaign, policyId);
    String instanceId = Eventually.await("the callout was sent", () -> callouts(admin, requestId),
        record -> !record.isEmpty() && "waitingForCallback".equals(record.get(0).path("status").asString()))
        .get(0).path("id").asString();
    // A stage instance resumes only the request it belongs to. (Callers without rights on the request get 403; the
    // dev issuer's user tokens all carry the administrator permission, so extension-gateway's own tests cover that.)
    assertThat(admin.post(V1 + "/assignmentRequests/" + java.util.UUID.randomUUID() + "/resume", resume(instanceId,
        "assignmentRequestCreated")).status()).isEqualTo(404);

    // Past the extension's ten minutes, not yet past request-service's own safety net a minute later: the gateway's
    // timeout is what ends the wait.
    clocked.clock().advance(Duration.ofMinutes(10).plusSeconds(30));

    JsonNode done = settled(admin, requestId);
    assertThat(done.path("state").asString()).isEqualTo("denied");
    assertThat(done.path("@quartermaster.reason").asString()).contains("callback timed out");
    assertThat(campaign.memberIds(admin)).isEmpty();
    assertThat(Eventually.await("the callout recorded as timed out", () -> callouts(admin, requestId),
        record -> "callbackTimedOut".equals(record.get(0).path("status").asString()))).hasSize(1);
    assertThat(done.path("customExtensionCalloutInstances").get(0).path("status").asString()).isEqualTo("callbackTimedOut");
  }

  @Test
  void anEndpointThatIsDownIsRetriedThenRecordedAsFailedWithoutHoldingTheRequest(ClockedSystem clocked) {
    RunningSystem system = clocked.system();
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Unreachable campaign " + MarketingCampaign.suffix());
    Extension down = extension(system, admin, campaign, "Ticketing that is down", null, Duration.ZERO, false,
        clocked.clock());
    down.app().close();
    String policyId = policy(admin, campaign, List.of(at("assignmentRequestGranted", down)));

    String requestId = request(system, campaign, policyId);

    assertThat(settled(admin, requestId).path("state").asString()).isEqualTo("delivered");
    assertThat(campaign.memberIds(admin)).containsExactly(campaign.requestor().id());
    JsonNode first = Eventually.await("the first attempt failed", () -> callouts(admin, requestId),
        record -> !record.isEmpty() && record.get(0).path("attempts").asInt() >= 1).get(0);
    assertThat(first.path("status").asString()).isNotEqualTo("calloutSent");
    // Backoff runs on the service clock: move it past the retry.
    clocked.clock().advance(Duration.ofSeconds(35));
    JsonNode failed = Eventually.await("the callout recorded as failed", () -> callouts(admin, requestId),
        record -> "calloutFailed".equals(record.get(0).path("status").asString())).get(0);
    assertThat(failed.path("attempts").asInt()).isEqualTo(2);
  }
}
