package org.quartermaster.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quartermaster.directory.DirectoryServiceApplication;
import org.quartermaster.events.Topics;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.testing.JsonBody;
import org.quartermaster.testing.EventInjector;
import org.awaitility.Awaitility;
import java.time.Duration;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeAdded;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeRemoved;
import org.quartermaster.events.catalog.CatalogCreated;
import org.quartermaster.events.catalog.CatalogDeleted;
import org.quartermaster.events.catalog.CatalogResourceAdded;
import org.quartermaster.events.catalog.CatalogResourceRemoved;
import org.quartermaster.events.catalog.CatalogType;
import org.quartermaster.events.catalog.CatalogUpdated;
import org.quartermaster.events.catalog.IncompatibleAccessPackageAdded;
import org.quartermaster.events.catalog.IncompatibleAccessPackageRemoved;
import org.quartermaster.events.catalog.IncompatibleGroupAdded;
import org.quartermaster.events.catalog.IncompatibleGroupRemoved;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.RunningService;
import org.quartermaster.testing.ServiceNamespace;
import org.quartermaster.testing.TopicTap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The catalog's Graph API against real Kafka and PostgreSQL, with a real directory beside it: groups reach the
 * catalog only as the directory's events, exactly as in production.
 */
class CatalogApiTest {

  static final String ADMIN = "admin@contoso.com";
  static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  static final String BETA = "/beta/identityGovernance/entitlementManagement";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

  static RunningService directory;
  static RunningService catalog;
  static WebTestClient directoryHttp;
  static WebTestClient http;
  static TopicTap catalogEvents;
  static TopicTap packageEvents;
  static UUID adminId = UUID.randomUUID();
  static EventInjector injector;
  static String general;

  @BeforeAll
  static void start() {
    DevTokens tokens = DevTokens.create();
    ServiceNamespace namespace = ServiceNamespace.random("catalog");
    // Two Spring contexts start faster side by side than one after the other.
    CompletableFuture<RunningService> directoryStart = CompletableFuture.supplyAsync(() -> RunningService.start(
        DirectoryServiceApplication.application(), DirectoryServiceApplication.NAME, namespace, tokens));
    try {
      catalog = RunningService.start(CatalogServiceApplication.application(), CatalogServiceApplication.NAME, namespace,
          tokens);
    } finally {
      directory = directoryStart.join();
    }
    String token = tokens.forUser(adminId, ADMIN);
    http = client(catalog, token);
    directoryHttp = client(directory, token);
    injector = new EventInjector(namespace);
    catalogEvents = new TopicTap(namespace, Topics.CATALOG_CATALOGS);
    packageEvents = new TopicTap(namespace, Topics.CATALOG_ACCESS_PACKAGES);
    general = get(V1 + "/catalogs?$filter=catalogType eq 'serviceDefault'").path("value[0].id");
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {injector, catalogEvents, packageEvents, catalog, directory}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  static WebTestClient client(RunningService service, String token) {
    return WebTestClient.bindToServer().baseUrl(service.baseUrl()).responseTimeout(Duration.ofSeconds(20))
        .defaultHeader("Authorization", "Bearer " + token).build();
  }

  // ---- helpers: a tiny JSON path reader keeps assertions on what the client sees

  static JsonBody get(String uri) {
    return new JsonBody(http.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody());
  }

  static JsonBody post(String uri, Object body, int status) {
    return new JsonBody(http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody());
  }

  static JsonBody created(String uri, Object body) {
    return post(uri, body, 201);
  }

  static void noContent(WebTestClient.RequestHeadersSpec<?> request) {
    request.exchange().expectStatus().isNoContent();
  }

  static Object field(Object item, String name) {
    return ((Map<?, ?>) item).get(name);
  }

  static String tag() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  static String createGroup(String name) {
    Map<String, Object> body = directoryHttp.post().uri("/v1.0/groups").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("displayName", name, "description", name, "mailEnabled", false,
            "mailNickname", "g" + tag(), "securityEnabled", true))
        .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    return body.get("id").toString();
  }

  static String createCatalog(String name) {
    return created(V1 + "/catalogs", Map.of("displayName", name, "description", name)).path("id");
  }

  /** Adds a fresh group to the catalog the v1.0 way; returns the group id and the resource id. */
  static String[] addGroup(String catalogId, String name) {
    String group = createGroup(name);
    JsonBody request = created(V1 + "/resourceRequests", Map.of("requestType", "adminAdd", "catalog", Map.of("id", catalogId),
        "resource", Map.of("originId", group, "originSystem", "AadGroup")));
    return new String[] {group, request.path("resource.id")};
  }

  static String createPackage(String catalogId, String name) {
    return created(V1 + "/accessPackages", Map.of("displayName", name, "catalog", Map.of("id", catalogId))).path("id");
  }

  static String grantMember(String packageId, String group) {
    return created(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes",
        Map.of("role", Map.of("originId", "Member_" + group, "originSystem", "AadGroup",
            "resource", Map.of("originId", group, "originSystem", "AadGroup")),
            "scope", Map.of("originId", group, "originSystem", "AadGroup"))).path("id");
  }

  static long count(String collection) {
    return ((Number) get(collection + (collection.contains("?") ? "&" : "?") + "$count=true&$top=1").at("@odata.count"))
        .longValue();
  }

  // ---- the tutorials

  @Test
  void seed001Steps1To6OverV1() {
    // 1.1 the General catalog
    JsonBody catalogs = get(V1 + "/catalogs?$filter=(displayName eq 'General')");
    assertThat(catalogs.list("value")).hasSize(1);
    assertThat(catalogs.path("value[0].id")).isEqualTo(general);
    assertThat(catalogs.path("value[0].description")).isEqualTo("Built-in catalog.");
    assertThat(catalogs.path("value[0].catalogType")).isEqualTo("serviceDefault");
    assertThat(catalogs.path("value[0].state")).isEqualTo("published");
    assertThat(catalogs.at("value[0].isExternallyVisible")).isEqualTo(true);
    assertThat(catalogs.path("value[0].createdDateTime")).isNotNull();
    assertThat(catalogs.path("@odata.context")).endsWith("/v1.0/$metadata#identityGovernance/entitlementManagement/catalogs");

    // 1.2 the group, created in the directory and added at once, with the tutorial's exact body
    String group = createGroup("Marketing resources");
    JsonBody request = created(V1 + "/resourceRequests", Map.of(
        "catalogId", general,
        "requestType", "AdminAdd",
        "justification", "",
        "accessPackageResource", Map.of("resourceType", "AadGroup", "originId", group, "originSystem", "AadGroup")));
    assertThat(request.path("requestType")).isEqualTo("adminAdd");
    assertThat(request.path("state")).isEqualTo("delivered");
    assertThat(request.path("catalog.id")).isEqualTo(general);
    String resourceId = request.path("resource.id");
    assertThat(resourceId).isNotEqualTo(group);
    assertThat(get(V1 + "/resourceRequests/" + request.path("id")).path("state")).isEqualTo("delivered");

    // 1.3 the resource, found by the group's id
    JsonBody resources = get(V1 + "/catalogs/" + general + "/resources?$filter=originId eq '" + group + "'");
    assertThat(resources.list("value")).hasSize(1);
    assertThat(resources.path("value[0].id")).isEqualTo(resourceId);
    assertThat(resources.path("value[0].displayName")).isEqualTo("Marketing resources");
    assertThat(resources.path("value[0].description")).isEqualTo("Marketing resources");
    assertThat(resources.path("value[0].originSystem")).isEqualTo("AadGroup");
    assertThat(resources.list("value[0].attributes")).isEmpty();

    // 1.4 the Member role of that resource
    JsonBody roles = get(V1 + "/catalogs/" + general + "/resourceRoles?$filter=(originSystem eq 'AadGroup' and "
        + "displayName eq 'Member' and resource/id eq '" + resourceId + "')&$expand=resource");
    assertThat(roles.list("value")).hasSize(1);
    assertThat(roles.path("value[0].originId")).isEqualTo("Member_" + group);
    assertThat(roles.path("value[0].displayName")).isEqualTo("Member");
    assertThat(roles.path("value[0].resource.id")).isEqualTo(resourceId);
    String memberRoleId = roles.path("value[0].id");

    // 1.5 the access package, named with the tutorial's catalogId
    JsonBody accessPackage = created(V1 + "/accessPackages", Map.of("catalogId", general, "displayName", "Marketing Campaign",
        "description", "Access to resources for the campaign"));
    String packageId = accessPackage.path("id");
    assertThat(accessPackage.at("isHidden")).isEqualTo(false);
    assertThat(accessPackage.path("description")).isEqualTo("Access to resources for the campaign");

    // 1.6 the Member role into the package, posted to the path and with the body the tutorial uses
    JsonBody roleScope = created(V1 + "/accessPackages/" + packageId + "/accessPackageResourceRoleScopes", Map.of(
        "role", Map.of("originId", "Member_" + group, "displayName", "Member", "originSystem", "AadGroup",
            "resource", Map.of("id", resourceId, "resourceType", "Security Group", "originId", group, "originSystem", "AadGroup")),
        "scope", Map.of("originId", group, "originSystem", "AadGroup")));
    String rootScopeId = get(V1 + "/catalogs/" + general + "/resourceScopes?$filter=resource/id eq '" + resourceId + "'")
        .path("value[0].id");
    assertThat(roleScope.path("id")).isEqualTo(memberRoleId + "_" + rootScopeId);
    assertThat(roleScope.path("createdDateTime")).isNotNull();

    JsonBody withScopes = get(V1 + "/accessPackages/" + packageId + "?$expand=resourceRoleScopes($expand=role,scope)");
    assertThat(withScopes.list("resourceRoleScopes")).hasSize(1);
    assertThat(withScopes.path("resourceRoleScopes[0].role.originId")).isEqualTo("Member_" + group);
    assertThat(withScopes.at("resourceRoleScopes[0].scope.isRootScope")).isEqualTo(true);

    // Every change is an event under its aggregate's key, carrying what a consumer needs without calling back.
    CatalogResourceAdded added = (CatalogResourceAdded) catalogEvents.awaitMatching(r -> r.key().equals(general)
        && r.is(CatalogResourceAdded.class) && ((CatalogResourceAdded) r.event()).getResource().getId().equals(resourceId), 1)
        .get(0).event();
    assertThat(added.getResource().getOriginId()).isEqualTo(group);
    assertThat(added.getResource().getRoles()).extracting(role -> role.getOriginId())
        .containsExactly("Member_" + group, "Owner_" + group);
    assertThat(added.getMetadata().getActor().getPrincipalId()).isEqualTo(adminId.toString());
    List<TopicTap.Received> ofPackage = packageEvents.awaitMatching(r -> r.key().equals(packageId), 2);
    assertThat(ofPackage).extracting(r -> r.event().getClass().getSimpleName())
        .containsExactly("AccessPackageCreated", "AccessPackageResourceRoleScopeAdded");
    var granted = ((AccessPackageResourceRoleScopeAdded) ofPackage.get(1).event()).getRoleScope();
    assertThat(granted.getId()).isEqualTo(roleScope.path("id"));
    assertThat(granted.getRole().getOriginId()).isEqualTo("Member_" + group);
    assertThat(granted.getResourceOriginId()).isEqualTo(group);
    assertThat(granted.getResourceOriginSystem()).isEqualTo("AadGroup");
    assertThat(granted.getCatalogId()).isEqualTo(general);
  }

  @Test
  void seed000Step2OverBetaAsThePowerShellCmdletsSendIt() {
    // Get-MgEntitlementManagementAccessPackageCatalog -Filter "DisplayName eq 'General'"
    JsonBody catalogs = get(BETA + "/accessPackageCatalogs?$filter=DisplayName eq 'General'");
    assertThat(catalogs.list("value")).hasSize(1);
    assertThat(catalogs.path("value[0].id")).isEqualTo(general);
    assertThat(catalogs.path("value[0].catalogStatus")).isEqualTo("Published");
    assertThat(catalogs.path("value[0].catalogType")).isEqualTo("ServiceDefault");
    assertThat(catalogs.path("value[0].description")).isEqualTo("Built-in catalog.");
    assertThat(catalogs.at("value[0].isExternallyVisible")).isEqualTo(true);
    assertThat(((Map<?, ?>) catalogs.list("value").get(0)).containsKey("state")).isFalse();

    // New-MgEntitlementManagementAccessPackageResourceRequest: note the trailing space and the PascalCase OriginId
    String name = "Marketing resources " + tag();
    String group = createGroup(name);
    JsonBody request = created(BETA + "/accessPackageResourceRequests", Map.of("catalogId", general, "requestType", "AdminAdd",
        "accessPackageResource", Map.of("originSystem", "AadGroup ", "OriginId", group)));
    assertThat(request.path("catalogId")).isEqualTo(general);
    assertThat(request.path("requestType")).isEqualTo("AdminAdd");
    assertThat(request.path("requestState")).isEqualTo("Delivered");
    assertThat(request.path("requestStatus")).isEqualTo("Fulfilled");
    assertThat(request.at("executeImmediately")).isEqualTo(false);

    // Get-MgEntitlementManagementAccessPackageCatalogAccessPackageResource -Filter "DisplayName eq '...'"
    JsonBody resources = get(BETA + "/accessPackageCatalogs/" + general + "/accessPackageResources?$filter=DisplayName eq '"
        + name + "'&$expand=accessPackageResourceScopes");
    assertThat(resources.list("value")).hasSize(1);
    String resourceId = resources.path("value[0].id");
    assertThat(resources.path("value[0].originId")).isEqualTo(group);
    assertThat(resources.path("value[0].originSystem")).isEqualTo("AadGroup");
    assertThat(resources.path("value[0].resourceType")).isEqualTo("Security Group");
    assertThat(resources.path("value[0].addedBy")).isEqualTo(ADMIN);
    assertThat(resources.at("value[0].isPendingOnboarding")).isEqualTo(false);
    assertThat(resources.path("value[0].accessPackageResourceScopes[0].originId")).isEqualTo(group);
    assertThat(resources.at("value[0].accessPackageResourceScopes[0].isRootScope")).isEqualTo(true);

    // Get-MgEntitlementManagementAccessPackageCatalogAccessPackageResourceRole -Filter "...accessPackageResource/id..."
    JsonBody roles = get(BETA + "/accessPackageCatalogs/" + general + "/accessPackageResourceRoles?$filter=originSystem eq "
        + "'AadGroup' and accessPackageResource/id eq '" + resourceId + "' and DisplayName eq 'Member'"
        + "&$expand=accessPackageResource");
    assertThat(roles.list("value")).hasSize(1);
    assertThat(roles.path("value[0].originId")).isEqualTo("Member_" + group);
    assertThat(roles.path("value[0].accessPackageResource.id")).isEqualTo(resourceId);

    // New-MgEntitlementManagementAccessPackage -CatalogId ... -DisplayName 'Marketing Campaign'
    JsonBody accessPackage = created(BETA + "/accessPackages", Map.of("catalogId", general, "displayName", "Marketing Campaign"));
    String packageId = accessPackage.path("id");
    assertThat(accessPackage.path("catalogId")).isEqualTo(general);
    assertThat(accessPackage.at("isHidden")).isEqualTo(false);
    assertThat(accessPackage.at("isRoleScopesVisible")).isEqualTo(false);
    assertThat(accessPackage.path("createdBy")).isEqualTo(ADMIN);

    // New-MgEntitlementManagementAccessPackageResourceRoleScope
    JsonBody roleScope = created(BETA + "/accessPackages/" + packageId + "/accessPackageResourceRoleScopes", Map.of(
        "accessPackageResourceRole", Map.of("originId", "Member_" + group, "displayName", "Member", "originSystem", "AadGroup",
            "accessPackageResource", Map.of("id", resourceId, "resourceType", "Security Group", "originId", group,
                "originSystem", "AadGroup")),
        "accessPackageResourceScope", Map.of("originId", group, "originSystem", "AadGroup")));
    assertThat(roleScope.path("id")).matches("[0-9a-f-]{36}_[0-9a-f-]{36}");
    assertThat(roleScope.path("accessPackageResourceRole.originId")).isEqualTo("Member_" + group);
    assertThat(roleScope.path("createdBy")).isEqualTo(ADMIN);

    JsonBody listed = get(BETA + "/accessPackages?$filter=catalogId eq '" + general + "' and displayName eq 'Marketing Campaign'"
        + "&$expand=accessPackageResourceRoleScopes,accessPackageCatalog");
    assertThat(listed.list("value")).extracting(item -> field(item, "id")).contains(packageId);
    Map<?, ?> ours = listed.list("value").stream().map(Map.class::cast)
        .filter(item -> item.get("id").equals(packageId)).findFirst().orElseThrow();
    assertThat((List<?>) ours.get("accessPackageResourceRoleScopes")).hasSize(1);
    assertThat(((Map<?, ?>) ours.get("accessPackageCatalog")).get("catalogStatus")).isEqualTo("Published");
  }

  // ---- catalogs

  @Test
  void aCatalogIsCreatedChangedAndDeletedWithItsResourcesAndEveryStepIsAnEvent() {
    String id = created(V1 + "/catalogs", Map.of("displayName", "Sales", "description", "Sales resources",
        "isExternallyVisible", true, "state", "Unpublished")).path("id");
    JsonBody read = get(V1 + "/catalogs/" + id);
    assertThat(read.path("catalogType")).isEqualTo("userManaged");
    assertThat(read.path("state")).isEqualTo("unpublished");
    assertThat(read.at("isExternallyVisible")).isEqualTo(true);

    noContent(http.patch().uri(BETA + "/accessPackageCatalogs/" + id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("CatalogStatus", "Published", "Description", "All sales")));
    JsonBody beta = new JsonBody(http.get().uri(BETA + "/accessPackageCatalogs/" + id).exchange().expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody());
    assertThat(beta.path("catalogStatus")).isEqualTo("Published");
    assertThat(beta.path("description")).isEqualTo("All sales");
    assertThat(beta.path("modifiedBy")).isEqualTo(ADMIN);

    String[] added = addGroup(id, "Sales team");
    String packageId = createPackage(id, "Sales tools");
    http.delete().uri(V1 + "/catalogs/" + id).exchange().expectStatus().isEqualTo(409)
        .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m)
            .contains("'Sales tools' (" + packageId + ")"));

    noContent(http.delete().uri(V1 + "/accessPackages/" + packageId));
    noContent(http.delete().uri(V1 + "/catalogs/" + id));
    http.get().uri(V1 + "/catalogs/" + id).exchange().expectStatus().isNotFound();

    List<TopicTap.Received> events = catalogEvents.awaitMatching(r -> r.key().equals(id) && r.is(CatalogDeleted.class), 1);
    assertThat(events).hasSize(1);
    assertThat(catalogEvents.awaitMatching(r -> r.key().equals(id), 4))
        .extracting(r -> r.event().getClass().getSimpleName())
        .containsExactly("CatalogCreated", "CatalogUpdated", "CatalogResourceAdded", "CatalogResourceRemoved",
            "CatalogDeleted");
    CatalogUpdated updated = (CatalogUpdated) catalogEvents.awaitMatching(r -> r.key().equals(id)
        && r.is(CatalogUpdated.class), 1).get(0).event();
    assertThat(updated.getCatalog().getDescription()).isEqualTo("All sales");
    CatalogResourceRemoved removed = (CatalogResourceRemoved) catalogEvents.awaitMatching(r -> r.key().equals(id)
        && r.is(CatalogResourceRemoved.class), 1).get(0).event();
    assertThat(removed.getResource().getId()).isEqualTo(added[1]);
    assertThat(packageEvents.awaitMatching(r -> r.key().equals(packageId) && r.is(AccessPackageDeleted.class), 1)).hasSize(1);
  }

  /** Policies and assignments are owned by other services; their events, not calls, tell the catalog about them. */
  @Test
  void aPackageHeldByAPolicyOrAnActiveAssignmentIsNotDeleted() {
    String catalogId = createCatalog("Held " + tag());
    String packageId = createPackage(catalogId, "Held package");
    String policyId = UUID.randomUUID().toString();
    String assignmentId = UUID.randomUUID().toString();
    String target = UUID.randomUUID().toString();

    injector.publish(new AssignmentPolicyCreated(Holders.metadata(policyId), Holders.policy(policyId, packageId, "Specific users")));
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        http.delete().uri(V1 + "/accessPackages/" + packageId).exchange().expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m)
                .contains("'Specific users' (" + policyId + ")")));

    injector.publish(new AssignmentPolicyDeleted(Holders.metadata(policyId), policyId, packageId));
    injector.publish(new AssignmentGranted(Holders.metadata(target), Holders.assignment(assignmentId, packageId, target)));
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        http.delete().uri(V1 + "/accessPackages/" + packageId).exchange().expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("1 active assignment")));
    get(V1 + "/accessPackages/" + packageId);

    injector.publish(new AssignmentRemoved(Holders.metadata(target), Holders.assignment(assignmentId, packageId, target)));
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        http.delete().uri(V1 + "/accessPackages/" + packageId).exchange().expectStatus().isNoContent());
  }

  /**
   * Seed 004's {@code Get-MgEntitlementManagementAccessPackage -DisplayNameEq ... -ExpandProperty assignmentpolicies}:
   * the package's policies, as policy-service's events described them, listed under it in both versions.
   */
  @Test
  void aPackagesPoliciesAreExpandedAsPolicyServiceDescribedThem() {
    String catalogId = createCatalog("Campaigns " + tag());
    String name = "Marketing Campaign " + tag();
    String packageId = createPackage(catalogId, name);
    String unheld = createPackage(catalogId, "Unheld " + tag());
    String direct = UUID.randomUUID().toString();
    String members = UUID.randomUUID().toString();
    String retired = UUID.randomUUID().toString();

    injector.publish(new AssignmentPolicyCreated(Holders.metadata(direct),
        Holders.policy(direct, packageId, "Direct assignments", null, "specificDirectoryUsers")));
    injector.publish(new AssignmentPolicyCreated(Holders.metadata(members),
        Holders.policy(members, packageId, "All members", "Anyone in the tenant may ask", "allMemberUsers")));
    injector.publish(new AssignmentPolicyCreated(Holders.metadata(retired),
        Holders.policy(retired, packageId, "Retired", null, "allMemberUsers")));
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        get(V1 + "/accessPackages/" + packageId + "?$expand=assignmentPolicies").list("assignmentPolicies"))
        .extracting(policy -> field(policy, "displayName"))
        .containsExactly("All members", "Direct assignments", "Retired"));

    injector.publish(new AssignmentPolicyUpdated(Holders.metadata(direct),
        Holders.policy(direct, packageId, "Direct assignments", "Administrators assign", "specificDirectoryUsers")));
    injector.publish(new AssignmentPolicyDeleted(Holders.metadata(retired), retired, packageId));
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        get(V1 + "/accessPackages/" + packageId + "?$expand=assignmentPolicies").list("assignmentPolicies"))
        .extracting(policy -> field(policy, "id"), policy -> field(policy, "description"))
        .containsExactly(tuple(members, "Anyone in the tenant may ask"), tuple(direct, "Administrators assign")));

    JsonBody listed = get(V1 + "/accessPackages?$filter=displayName eq '" + name + "'&$expand=assignmentpolicies");
    assertThat(listed.list("value")).hasSize(1);
    assertThat(listed.path("value[0].id")).isEqualTo(packageId);
    assertThat(listed.list("value[0].assignmentPolicies")).containsExactly(
        Map.of("id", members, "displayName", "All members", "description", "Anyone in the tenant may ask",
            "allowedTargetScope", "allMemberUsers"),
        Map.of("id", direct, "displayName", "Direct assignments", "description", "Administrators assign",
            "allowedTargetScope", "specificDirectoryUsers"));
    assertThat(get(V1 + "/accessPackages/" + unheld + "?$expand=assignmentPolicies").list("assignmentPolicies")).isEmpty();
    assertThat(get(V1 + "/accessPackages/" + packageId).json()).doesNotContainKey("assignmentPolicies");

    JsonBody beta = get(BETA + "/accessPackages?$filter=displayName eq '" + name
        + "'&$expand=accessPackageAssignmentPolicies");
    assertThat(beta.list("value[0].accessPackageAssignmentPolicies")).containsExactly(
        Map.of("id", members, "displayName", "All members", "description", "Anyone in the tenant may ask",
            "accessPackageId", packageId),
        Map.of("id", direct, "displayName", "Direct assignments", "description", "Administrators assign",
            "accessPackageId", packageId));
    assertThat(get(BETA + "/accessPackages/" + packageId + "?$expand=accesspackageassignmentpolicies")
        .list("accessPackageAssignmentPolicies")).hasSize(2);
    // Each version has its own name for the navigation.
    http.get().uri(BETA + "/accessPackages/" + packageId + "?$expand=assignmentPolicies").exchange()
        .expectStatus().isBadRequest();
  }

  @Test
  void theGeneralCatalogExistsOnceWithItsEventAndCannotBeDeleted() {
    CatalogCreated createdGeneral = (CatalogCreated) catalogEvents.awaitMatching(r -> r.key().equals(general)
        && r.is(CatalogCreated.class), 1).get(0).event();
    assertThat(createdGeneral.getCatalog().getCatalogType()).isEqualTo(CatalogType.serviceDefault);
    assertThat(createdGeneral.getCatalog().getDisplayName()).isEqualTo("General");
    assertThat(createdGeneral.getMetadata().getActor().getPrincipalId()).isNull();
    assertThat(get(V1 + "/catalogs?$filter=catalogType eq 'serviceDefault'").list("value")).hasSize(1);

    http.delete().uri(V1 + "/catalogs/" + general).exchange().expectStatus().isEqualTo(409)
        .expectBody().jsonPath("$.error.code").isEqualTo("conflict")
        .jsonPath("$.error.message").value(m -> assertThat((String) m).contains("General"));
    assertThat(get(V1 + "/catalogs/" + general).path("displayName")).isEqualTo("General");
  }

  // ---- resources

  @Test
  void aResourceInUseStaysAGroupIsAddedOnceAndAFreedResourceIsRemoved() {
    String catalogId = createCatalog("Finance " + tag());
    String[] added = addGroup(catalogId, "Finance team");
    String group = added[0];
    String packageId = createPackage(catalogId, "Finance access");
    String roleScopeId = grantMember(packageId, group);

    post(V1 + "/resourceRequests", Map.of("requestType", "adminAdd", "catalog", Map.of("id", catalogId),
        "resource", Map.of("originId", group, "originSystem", "aadgroup")), 409);

    Map<String, Object> remove = Map.of("requestType", "adminRemove", "catalog", Map.of("id", catalogId),
        "resource", Map.of("originId", group, "originSystem", "AadGroup"));
    JsonBody refused = post(V1 + "/resourceRequests", remove, 409);
    assertThat(refused.path("error.message")).contains("'Finance access' (" + packageId + ")");

    // Graph's resources, with roles and scopes expanded, still list it.
    JsonBody resources = get(V1 + "/catalogs/" + catalogId + "/resources?$expand=roles,scopes,environment");
    assertThat(resources.list("value")).hasSize(1);
    assertThat(resources.list("value[0].roles")).hasSize(2);
    assertThat(resources.path("value[0].scopes[0].originId")).isEqualTo(group);
    Map<?, ?> first = (Map<?, ?>) resources.list("value").get(0);
    assertThat(first.containsKey("environment")).isTrue();
    assertThat(first.get("environment")).isNull();

    noContent(http.delete().uri(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes/" + roleScopeId));
    JsonBody removed = created(V1 + "/resourceRequests", remove);
    assertThat(removed.path("requestType")).isEqualTo("adminRemove");
    assertThat(removed.path("state")).isEqualTo("delivered");
    assertThat(get(V1 + "/catalogs/" + catalogId + "/resources").list("value")).isEmpty();

    JsonBody history = get(V1 + "/resourceRequests?$filter=catalog/id eq '" + catalogId + "'&$orderby=createdDateTime");
    assertThat(history.list("value")).extracting(item -> field(item, "requestType"))
        .containsExactly("adminAdd", "adminRemove");
    assertThat(packageEvents.awaitMatching(r -> r.key().equals(packageId), 3))
        .extracting(r -> r.event().getClass().getSimpleName())
        .containsExactly("AccessPackageCreated", "AccessPackageResourceRoleScopeAdded", "AccessPackageResourceRoleScopeRemoved");
    var revoked = ((AccessPackageResourceRoleScopeRemoved) packageEvents.awaitMatching(r -> r.key().equals(packageId)
        && r.is(AccessPackageResourceRoleScopeRemoved.class), 1).get(0).event()).getRoleScope();
    assertThat(revoked.getResourceOriginId()).isEqualTo(group);
  }

  @Test
  void rolesAndScopesCanBeNamedByIdAndTheSameRoleIsGrantedOnce() {
    String catalogId = createCatalog("Legal " + tag());
    String[] added = addGroup(catalogId, "Legal team");
    String packageId = createPackage(catalogId, "Legal access");
    JsonBody roles = get(V1 + "/catalogs/" + catalogId + "/resourceRoles?$filter=displayName eq 'Owner'");
    String ownerRoleId = roles.path("value[0].id");
    String scopeId = get(V1 + "/catalogs/" + catalogId + "/resourceScopes").path("value[0].id");

    JsonBody granted = created(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes",
        Map.of("role", Map.of("id", ownerRoleId), "scope", Map.of("id", scopeId)));
    assertThat(granted.path("id")).isEqualTo(ownerRoleId + "_" + scopeId);
    assertThat(granted.path("role.originId")).isEqualTo("Owner_" + added[0]);

    JsonBody twice = post(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes",
        Map.of("role", Map.of("originId", "Owner_" + added[0])), 409);
    assertThat(twice.path("error.message")).contains("already grants").contains("Owner_" + added[0]);

    JsonBody listed = get(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes");
    assertThat(listed.list("value")).hasSize(1);
    assertThat(new JsonBody(http.get().uri(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes/" + granted.path("id"))
        .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody()).path("scope.id")).isEqualTo(scopeId);
  }

  // ---- access packages

  @Test
  void accessPackagesAreFilteredByNameAndCatalogAndChanged() {
    String catalogId = createCatalog("Engineering " + tag());
    String tools = createPackage(catalogId, "Build tools");
    createPackage(catalogId, "Cloud console");

    assertThat(get(V1 + "/accessPackages?$filter=contains(displayName,'tools') and catalog/id eq '" + catalogId + "'")
        .list("value")).extracting(item -> field(item, "id")).containsExactly(tools);
    assertThat(get(V1 + "/catalogs/" + catalogId + "/accessPackages").list("value")).hasSize(2);
    JsonBody expanded = get(V1 + "/accessPackages?$filter=displayName eq 'Build tools' and catalog/id eq '" + catalogId
        + "'&$expand=catalog");
    assertThat(expanded.path("value[0].catalog.id")).isEqualTo(catalogId);
    JsonBody withPackages = get(V1 + "/catalogs?$filter=id eq '" + catalogId + "'&$expand=accessPackages");
    assertThat(withPackages.list("value[0].accessPackages")).hasSize(2);

    noContent(http.patch().uri(V1 + "/accessPackages/" + tools).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("description", "Compilers and CI", "isHidden", true)));
    JsonBody read = get(V1 + "/accessPackages/" + tools);
    assertThat(read.path("description")).isEqualTo("Compilers and CI");
    assertThat(read.at("isHidden")).isEqualTo(true);
    assertThat(packageEvents.awaitMatching(r -> r.key().equals(tools), 2))
        .extracting(r -> r.event().getClass().getSimpleName()).containsExactly("AccessPackageCreated", "AccessPackageUpdated");
    AccessPackageCreated createdEvent = (AccessPackageCreated) packageEvents.awaitMatching(r -> r.key().equals(tools)
        && r.is(AccessPackageCreated.class), 1).get(0).event();
    assertThat(createdEvent.getAccessPackage().getCatalogId()).isEqualTo(catalogId);
  }

  @Test
  void incompatibilitiesAreDeclaredReadBothWaysWithdrawnAndFollowTheDirectory() {
    String catalogId = createCatalog("Audit " + tag());
    String auditor = createPackage(catalogId, "Auditor");
    String approver = createPackage(catalogId, "Payment approver");
    String group = createGroup("Payments team");

    noContent(http.post().uri(V1 + "/accessPackages/" + auditor + "/incompatibleAccessPackages/$ref")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("@odata.id",
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/" + approver)));
    noContent(http.post().uri(V1 + "/accessPackages/" + auditor + "/incompatibleGroups/$ref")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/groups/" + group)));

    assertThat(get(V1 + "/accessPackages/" + auditor + "/incompatibleAccessPackages").path("value[0].id")).isEqualTo(approver);
    assertThat(get(V1 + "/accessPackages/" + approver + "/accessPackagesIncompatibleWith").path("value[0].id"))
        .isEqualTo(auditor);
    JsonBody groups = get(V1 + "/accessPackages/" + auditor + "/incompatibleGroups");
    assertThat(groups.path("value[0].id")).isEqualTo(group);
    assertThat(((Map<?, ?>) groups.list("value").get(0)).get("@odata.type")).isEqualTo("#microsoft.graph.group");
    assertThat(get(BETA + "/accessPackages/" + auditor + "?$expand=incompatibleAccessPackages,incompatibleGroups")
        .path("incompatibleGroups[0].displayName")).isEqualTo("Payments team");

    noContent(http.delete().uri(V1 + "/accessPackages/" + auditor + "/incompatibleAccessPackages/" + approver + "/$ref"));
    assertThat(get(V1 + "/accessPackages/" + auditor + "/incompatibleAccessPackages").list("value")).isEmpty();

    // The directory deletes the group: the catalog withdraws it as an incompatible group, as its own event.
    noContent(directoryHttp.delete().uri("/v1.0/groups/" + group));
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
        get(V1 + "/accessPackages/" + auditor + "/incompatibleGroups").list("value").isEmpty());

    assertThat(packageEvents.awaitMatching(r -> r.key().equals(auditor), 5))
        .extracting(r -> r.event().getClass().getSimpleName())
        .containsExactly("AccessPackageCreated", "IncompatibleAccessPackageAdded", "IncompatibleGroupAdded",
            "IncompatibleAccessPackageRemoved", "IncompatibleGroupRemoved");
    IncompatibleAccessPackageAdded declared = (IncompatibleAccessPackageAdded) packageEvents.awaitMatching(r ->
        r.key().equals(auditor) && r.is(IncompatibleAccessPackageAdded.class), 1).get(0).event();
    assertThat(declared.getIncompatibleAccessPackageId()).isEqualTo(approver);
    IncompatibleGroupAdded groupDeclared = (IncompatibleGroupAdded) packageEvents.awaitMatching(r ->
        r.key().equals(auditor) && r.is(IncompatibleGroupAdded.class), 1).get(0).event();
    assertThat(groupDeclared.getGroupId()).isEqualTo(group);
    IncompatibleGroupRemoved withdrawn = (IncompatibleGroupRemoved) packageEvents.awaitMatching(r ->
        r.key().equals(auditor) && r.is(IncompatibleGroupRemoved.class), 1).get(0).event();
    assertThat(withdrawn.getMetadata().getCausationId()).as("caused by the directory's GroupDeleted").isNotNull();
    assertThat(packageEvents.awaitMatching(r -> r.key().equals(auditor) && r.is(IncompatibleAccessPackageRemoved.class), 1))
        .hasSize(1);
  }

  @Test
  void deletingAPackageWithdrawsItsGrantsAndWhatOtherPackagesDeclaredAgainstIt() {
    String catalogId = createCatalog("Treasury " + tag());
    String[] added = addGroup(catalogId, "Treasury team");
    String trader = createPackage(catalogId, "Trader");
    String settler = createPackage(catalogId, "Settler");
    grantMember(trader, added[0]);
    noContent(http.post().uri(BETA + "/accessPackages/" + settler + "/incompatibleAccessPackages/$ref")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("@odata.id",
            "https://graph.microsoft.com/beta/identityGovernance/entitlementManagement/accessPackages('" + trader + "')")));
    assertThat(get(BETA + "/accessPackages/" + trader + "/accessPackagesIncompatibleWith").path("value[0].id"))
        .isEqualTo(settler);

    noContent(http.delete().uri(BETA + "/accessPackages/" + trader));

    http.get().uri(V1 + "/accessPackages/" + trader).exchange().expectStatus().isNotFound();
    assertThat(get(V1 + "/accessPackages/" + settler + "/incompatibleAccessPackages").list("value")).isEmpty();
    assertThat(packageEvents.awaitMatching(r -> r.key().equals(trader) && r.is(AccessPackageDeleted.class), 1)).hasSize(1);
    assertThat(packageEvents.awaitMatching(r -> r.key().equals(trader), 3))
        .extracting(r -> r.event().getClass().getSimpleName())
        .containsExactly("AccessPackageCreated", "AccessPackageResourceRoleScopeAdded",
            "AccessPackageResourceRoleScopeRemoved", "AccessPackageDeleted");
    assertThat(packageEvents.awaitMatching(r -> r.key().equals(settler), 3))
        .extracting(r -> r.event().getClass().getSimpleName())
        .containsExactly("AccessPackageCreated", "IncompatibleAccessPackageAdded", "IncompatibleAccessPackageRemoved");
    // With the package gone, nothing holds the group resource in the catalog any more.
    created(V1 + "/resourceRequests", Map.of("requestType", "adminRemove", "catalogId", catalogId,
        "resource", Map.of("originId", added[0], "originSystem", "AadGroup")));
  }

  @Test
  void readsNeedAReadScopeAndWritesTheReadWriteScope() {
    WebTestClient readOnly = client(catalog, catalog.tokens().withScopes(adminId, "EntitlementManagement.Read.All"));
    readOnly.get().uri(V1 + "/catalogs").exchange().expectStatus().isOk();
    readOnly.post().uri(V1 + "/catalogs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "No"))
        .exchange().expectStatus().isForbidden()
        .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m)
            .contains("EntitlementManagement.ReadWrite.All"));
    WebTestClient directoryOnly = client(catalog, catalog.tokens().withScopes(adminId, "Group.ReadWrite.All"));
    directoryOnly.get().uri(BETA + "/accessPackages").exchange().expectStatus().isForbidden();
    WebTestClient.bindToServer().baseUrl(catalog.baseUrl()).build().get().uri(V1 + "/catalogs").exchange()
        .expectStatus().isUnauthorized();
  }

  /** Each refusal is a Graph error naming what is wrong, and writes nothing. */
  @Nested
  class BadInput {

    void assertNothingWritten(Runnable badCall) {
      long catalogs = count(V1 + "/catalogs");
      long packages = count(V1 + "/accessPackages");
      long requests = count(V1 + "/resourceRequests");
      long resources = count(V1 + "/catalogs/" + general + "/resources");
      badCall.run();
      assertThat(count(V1 + "/catalogs")).isEqualTo(catalogs);
      assertThat(count(V1 + "/accessPackages")).isEqualTo(packages);
      assertThat(count(V1 + "/resourceRequests")).isEqualTo(requests);
      assertThat(count(V1 + "/catalogs/" + general + "/resources")).isEqualTo(resources);
    }

    void refused(String uri, Object body, int status, String... mentions) {
      JsonBody error = post(uri, body, status);
      assertThat(error.path("error.code")).isNotBlank();
      assertThat(error.path("error.innerError.request-id")).isNotBlank();
      assertThat(error.path("error.message")).contains(mentions);
    }

    @Test
    void unknownCatalog() {
      String unknown = UUID.randomUUID().toString();
      assertNothingWritten(() -> {
        refused(V1 + "/accessPackages", Map.of("displayName", "Orphan", "catalog", Map.of("id", unknown)), 404, unknown);
        refused(V1 + "/resourceRequests", Map.of("requestType", "adminAdd", "catalogId", unknown,
            "resource", Map.of("originId", UUID.randomUUID().toString(), "originSystem", "AadGroup")), 404, unknown);
      });
      http.get().uri(V1 + "/catalogs/" + unknown + "/resources").exchange().expectStatus().isNotFound();
    }

    @Test
    void unknownRole() {
      String packageId = createPackage(general, "Unknown role target " + tag());
      String unknownRole = UUID.randomUUID().toString();
      assertNothingWritten(() -> {
        refused(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes", Map.of("role", Map.of("id", unknownRole)), 404,
            unknownRole);
        refused(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes",
            Map.of("role", Map.of("originId", "Member_" + unknownRole)), 404, "Member_" + unknownRole);
      });
      assertThat(get(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes").list("value")).isEmpty();
    }

    @Test
    void aRoleFromAnotherCatalog() {
      String elsewhere = createCatalog("Elsewhere " + tag());
      String[] added = addGroup(elsewhere, "Elsewhere team");
      String roleId = get(V1 + "/catalogs/" + elsewhere + "/resourceRoles?$filter=displayName eq 'Member'").path("value[0].id");
      String packageId = createPackage(general, "Boundary " + tag());

      refused(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes", Map.of("role", Map.of("id", roleId)), 400,
          "Member_" + added[0], elsewhere, general);
      // By originId the role is looked up in the package's own catalog only, where it is not.
      refused(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes",
          Map.of("role", Map.of("originId", "Member_" + added[0])), 404, "Member_" + added[0], general);
      assertThat(get(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes").list("value")).isEmpty();
    }

    @Test
    void displayNameMissingOrTooLong() {
      assertNothingWritten(() -> {
        refused(V1 + "/catalogs", Map.of("description", "no name"), 400, "'displayName' is required");
        refused(V1 + "/accessPackages", Map.of("displayName", "x".repeat(257), "catalogId", general), 400,
            "'displayName' is longer than 256");
        refused(BETA + "/accessPackages", Map.of("catalogId", general), 400, "'displayName' is required");
      });
    }

    @Test
    void unsupportedOrUnknownOriginSystem() {
      assertNothingWritten(() -> {
        refused(V1 + "/resourceRequests", Map.of("requestType", "adminAdd", "catalog", Map.of("id", general),
            "resource", Map.of("originId", UUID.randomUUID().toString(), "originSystem", "AadApplication")), 400,
            "'AadApplication'", "not supported yet");
        refused(BETA + "/accessPackageResourceRequests", Map.of("requestType", "AdminAdd", "catalogId", general,
            "accessPackageResource", Map.of("originId", "https://contoso.sharepoint.com/sites/x",
                "originSystem", "SharePointOnline")), 400, "'SharePointOnline'");
        refused(V1 + "/resourceRequests", Map.of("requestType", "adminAdd", "catalog", Map.of("id", general),
            "resource", Map.of("originId", "x", "originSystem", "Ldap")), 400, "'originSystem'", "'Ldap'");
      });
      JsonBody notSupported = post(V1 + "/resourceRequests", Map.of("requestType", "adminAdd", "catalog", Map.of("id", general),
          "resource", Map.of("originId", "app", "originSystem", "AadApplication")), 400);
      assertThat(notSupported.path("error.code")).isEqualTo("notSupported");
    }

    @Test
    void aGroupTheDirectoryDoesNotHave() {
      String unknown = UUID.randomUUID().toString();
      assertNothingWritten(() -> refused(V1 + "/resourceRequests", Map.of("requestType", "adminAdd",
          "catalog", Map.of("id", general), "resource", Map.of("originId", unknown, "originSystem", "AadGroup")), 404,
          unknown));
    }

    @Test
    void invalidFilter() {
      http.get().uri(V1 + "/catalogs?$filter=shoeSize eq 42").exchange().expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("$filter").contains("shoeSize"));
      http.get().uri(V1 + "/catalogs/" + general + "/resourceRoles?$filter=resource/id eq 'not-a-guid'").exchange()
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("not-a-guid"));
      // Beta names are not v1.0 names: the catalog's state is catalogStatus there.
      http.get().uri(BETA + "/accessPackageCatalogs?$filter=state eq 'Published'").exchange().expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("state"));
    }

    @Test
    void unknownReferenceInARef() {
      String packageId = createPackage(general, "Ref source " + tag());
      String unknown = UUID.randomUUID().toString();
      JsonBody missingPackage = post(V1 + "/accessPackages/" + packageId + "/incompatibleAccessPackages/$ref", Map.of("@odata.id",
          "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/" + unknown), 404);
      assertThat(missingPackage.path("error.message")).contains(unknown);
      JsonBody missingGroup = post(V1 + "/accessPackages/" + packageId + "/incompatibleGroups/$ref",
          Map.of("@odata.id", "https://graph.microsoft.com/v1.0/groups/" + unknown), 404);
      assertThat(missingGroup.path("error.message")).contains(unknown);
      JsonBody self = post(V1 + "/accessPackages/" + packageId + "/incompatibleAccessPackages/$ref",
          Map.of("@odata.id", "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/"
              + packageId), 400);
      assertThat(self.path("error.message")).contains("itself");
      post(V1 + "/accessPackages/" + packageId + "/incompatibleGroups/$ref", Map.of("@odata.id", "groups/not-a-guid"), 400);
      assertThat(get(V1 + "/accessPackages/" + packageId + "/incompatibleAccessPackages").list("value")).isEmpty();
      assertThat(get(V1 + "/accessPackages/" + packageId + "/incompatibleGroups").list("value")).isEmpty();
    }

    @Test
    void unknownPropertiesAndBadGuidsAreNamed() {
      assertNothingWritten(() -> {
        refused(V1 + "/catalogs", Map.of("displayName", "X", "favouriteColour", "blue"), 400, "'favouriteColour'");
        refused(V1 + "/accessPackages", Map.of("displayName", "X", "catalogId", "not-a-guid"), 400, "'catalogId'");
        refused(V1 + "/catalogs", Map.of("displayName", "X", "state", "archived"), 400, "'state'", "'archived'");
      });
      String packageId = createPackage(general, "Stays put " + tag());
      http.patch().uri(V1 + "/accessPackages/" + packageId).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("catalog", Map.of("id", UUID.randomUUID().toString()))).exchange()
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("another catalog"));
      http.get().uri(V1 + "/accessPackages/" + packageId + "/resourceRoleScopes/not-an-id").exchange()
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("{roleId}_{scopeId}"));
    }
  }
}
