package org.quartermaster.gateway;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A navigation one service serves inside another's collection reaches the right service. */
class RoutePrecedenceTest {

  static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  private static DisposableServer catalog;
  private static DisposableServer policy;
  private static DisposableServer request;
  private static DisposableServer extension;
  private static ConfigurableApplicationContext gateway;
  private static WebTestClient client;

  @BeforeAll
  static void start() {
    catalog = answering("catalog-service");
    policy = answering("policy-service");
    request = answering("request-service");
    extension = answering("extension-gateway");
    gateway = ApiGatewayApplication.application().run("--server.port=0",
        "--quartermaster.gateway.services.catalog-service=http://127.0.0.1:" + catalog.port(),
        "--quartermaster.gateway.services.policy-service=http://127.0.0.1:" + policy.port(),
        "--quartermaster.gateway.services.request-service=http://127.0.0.1:" + request.port(),
        "--quartermaster.gateway.services.extension-gateway=http://127.0.0.1:" + extension.port());
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
  }

  private static DisposableServer answering(String name) {
    return HttpServer.create().host("127.0.0.1").port(0)
        .handle((request, response) -> response.header("Content-Type", "text/plain").sendString(Mono.just(name)))
        .bindNow();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    catalog.disposeNow();
    policy.disposeNow();
    request.disposeNow();
    extension.disposeNow();
  }

  private void routedTo(String path, String service) {
    client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(service);
  }

  @Test
  void policyNavigationsInsideAccessPackagesGoToThePolicyService() {
    routedTo(V1 + "/accessPackages/1b7c/assignmentPolicies", "policy-service");
    routedTo(V1 + "/accessPackages/1b7c/getApplicablePolicyRequirements", "policy-service");
    routedTo(V1 + "/assignmentPolicies", "policy-service");
  }

  @Test
  void theRestOfAccessPackagesStaysWithTheCatalog() {
    routedTo(V1 + "/accessPackages/1b7c", "catalog-service");
    routedTo(V1 + "/accessPackages/1b7c/resourceRoleScopes", "catalog-service");
    routedTo(V1 + "/accessPackages", "catalog-service");
  }

  @Test
  void approvalsBelongToTheRequestServiceThatOwnsTheirRequests() {
    routedTo(V1 + "/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')", "request-service");
    routedTo(V1 + "/accessPackageAssignmentApprovals/1b7c/stages", "request-service");
    routedTo("/beta/identityGovernance/entitlementManagement/accessPackageAssignmentApprovals/1b7c/steps", "request-service");
    routedTo("/quartermaster/v1/accessPackageAssignmentApprovals/decisions", "request-service");
    routedTo(V1 + "/assignmentRequests", "request-service");
  }

  @Test
  void customExtensionsResumeAndCalloutRecordsGoToTheExtensionGateway() {
    routedTo(V1 + "/catalogs/1b7c/customWorkflowExtensions", "extension-gateway");
    routedTo(V1 + "/catalogs/1b7c/customWorkflowExtensions/9f2e", "extension-gateway");
    routedTo("/beta/identityGovernance/entitlementManagement/accessPackageCatalogs/1b7c/customAccessPackageWorkflowExtensions",
        "extension-gateway");
    routedTo("/beta/identityGovernance/entitlementManagement/accessPackageCatalogs/1b7c/customAccessPackageWorkflowExtensions"
        + "/9f2e", "extension-gateway");
    routedTo("/beta/identityGovernance/entitlementManagement/accessPackageCatalogs/1b7c", "catalog-service");
    routedTo(V1 + "/assignmentRequests/1b7c/resume", "extension-gateway");
    routedTo("/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests/1b7c/resume",
        "extension-gateway");
    routedTo("/quartermaster/v1/assignmentRequests/1b7c/customExtensionCalloutInstances", "extension-gateway");
    routedTo(V1 + "/catalogs/1b7c", "catalog-service");
    routedTo(V1 + "/catalogs/1b7c/resources", "catalog-service");
    routedTo(V1 + "/assignmentRequests/1b7c", "request-service");
    routedTo("/quartermaster/v1/assignmentRequests/bulk", "request-service");
  }

  @Test
  void aPathOfAServiceThatIsNotRunningIsA503NotAnotherServicesAnswer() {
    // provisioning-service keeps its default address (localhost:8085), where nothing listens in this test.
    client.get().uri(V1 + "/assignments").exchange().expectStatus().isEqualTo(503)
        .expectBody().jsonPath("$.error.code").isEqualTo("serviceNotAvailable");
  }
}
