package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The entitlement-management tutorials replayed through the gateway over raw HTTP: each request is the tutorial's own,
 * apart from ids, and each id the system returns is used in the next step exactly as the tutorial uses it. The General
 * catalog is shared by every test, so each test names its own group and looks only for what it added.
 */
@EndToEnd
class EntitlementOverHttpTest {

  private static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  private static final String BETA = "/beta/identityGovernance/entitlementManagement";
  private static final String ADMINISTRATOR = "admin@contoso.com";

  @Test
  void seed001Step1BuildsTheMarketingCampaignPackageOverV1(RunningSystem system) {
    GraphHttp graph = GraphHttp.asAdministrator(system);

    // 1.1 Get the identifier for the General catalog
    List<JsonNode> catalogs = ok(graph.get(V1 + "/catalogs?$filter=(displayName eq 'General')")).values();
    assertThat(catalogs).singleElement().satisfies(general -> {
      assertThat(general.path("displayName").asString()).isEqualTo("General");
      assertThat(general.path("description").asString()).isEqualTo("Built-in catalog.");
      assertThat(general.path("catalogType").asString()).isEqualTo("serviceDefault");
      assertThat(general.path("state").asString()).isEqualTo("published");
      assertThat(general.path("isExternallyVisible").asBoolean()).isTrue();
    });
    String catalogId = catalogs.get(0).path("id").asString();

    // 1.2 Add the group to the catalog: a security group made just before, as the tutorial's prerequisites have it
    String name = "Marketing resources " + suffix();
    String groupId = createGroup(graph, name, "Marketing group");
    JsonNode request = created(graph.post(V1 + "/resourceRequests", Map.of(
        "catalogId", catalogId,
        "requestType", "AdminAdd",
        "justification", "",
        "accessPackageResource", Map.of("resourceType", "AadGroup", "originId", groupId, "originSystem", "AadGroup"))));
    assertThat(request.path("requestType").asString()).isEqualTo("adminAdd");
    assertThat(request.path("state").asString()).isEqualTo("delivered");

    // 1.3 Get catalog resources: the resource id is the group's id in the catalog, not the group's own
    List<JsonNode> resources = ok(graph.get(V1 + "/catalogs/" + catalogId + "/resources?$filter=originId eq '" + groupId + "'"))
        .values();
    assertThat(resources).singleElement().satisfies(resource -> {
      assertThat(resource.path("displayName").asString()).isEqualTo(name);
      assertThat(resource.path("description").asString()).isEqualTo("Marketing group");
      assertThat(resource.path("originId").asString()).isEqualTo(groupId);
      assertThat(resource.path("originSystem").asString()).isEqualTo("AadGroup");
      assertThat(resource.path("attributes").isArray()).isTrue();
    });
    String resourceId = resources.get(0).path("id").asString();
    assertThat(resourceId).isNotEqualTo(groupId).isEqualTo(request.path("resource").path("id").asString());

    // 1.4 Get resource roles: the Member role of that resource
    List<JsonNode> roles = ok(graph.get(V1 + "/catalogs/" + catalogId + "/resourceRoles?$filter=(originSystem eq 'AadGroup'"
        + " and displayName eq 'Member' and resource/id eq '" + resourceId + "')&$expand=resource")).values();
    assertThat(roles).singleElement().satisfies(role -> {
      assertThat(role.path("displayName").asString()).isEqualTo("Member");
      assertThat(role.path("originSystem").asString()).isEqualTo("AadGroup");
      assertThat(role.path("resource").path("id").asString()).isEqualTo(resourceId);
      assertThat(role.path("resource").path("originId").asString()).isEqualTo(groupId);
    });
    String roleId = roles.get(0).path("id").asString();
    String roleOriginId = roles.get(0).path("originId").asString();
    assertThat(roleOriginId).isEqualTo("Member_" + groupId);

    // 1.5 Create the access package in the catalog
    JsonNode accessPackage = created(graph.post(V1 + "/accessPackages", Map.of(
        "catalogId", catalogId,
        "displayName", "Marketing Campaign",
        "description", "Access to resources for the campaign")));
    assertThat(accessPackage.path("displayName").asString()).isEqualTo("Marketing Campaign");
    assertThat(accessPackage.path("description").asString()).isEqualTo("Access to resources for the campaign");
    assertThat(accessPackage.path("isHidden").asBoolean(true)).isFalse();
    String packageId = accessPackage.path("id").asString();

    // 1.6 Add the Member role to the access package, on the tutorial's path and with its body
    JsonNode roleScope = created(graph.post(V1 + "/accessPackages/" + packageId + "/accessPackageResourceRoleScopes", Map.of(
        "role", Map.of(
            "originId", roleOriginId,
            "displayName", "Member",
            "originSystem", "AadGroup",
            "resource", Map.of("id", resourceId, "resourceType", "Security Group", "originId", groupId,
                "originSystem", "AadGroup")),
        "scope", Map.of("originId", groupId, "originSystem", "AadGroup"))));
    assertThat(roleScope.path("createdDateTime").asString()).isNotBlank();

    // The package now holds exactly that role, at the group's root scope, under the id "{roleId}_{scopeId}".
    JsonNode expanded = ok(graph.get(V1 + "/accessPackages/" + packageId + "?$expand=resourceRoleScopes($expand=role,scope)"))
        .body();
    assertThat(expanded.path("resourceRoleScopes")).singleElement().satisfies(granted -> {
      String scopeId = granted.path("scope").path("id").asString();
      assertThat(granted.path("id").asString()).isEqualTo(roleId + "_" + scopeId).isEqualTo(roleScope.path("id").asString());
      assertThat(granted.path("role").path("id").asString()).isEqualTo(roleId);
      assertThat(granted.path("role").path("originId").asString()).isEqualTo(roleOriginId);
      assertThat(granted.path("scope").path("originId").asString()).isEqualTo(groupId);
      assertThat(granted.path("scope").path("originSystem").asString()).isEqualTo("AadGroup");
      assertThat(granted.path("scope").path("isRootScope").asBoolean()).isTrue();
    });
    assertThat(ok(graph.get(V1 + "/accessPackages/" + packageId + "?$expand=catalog")).body().path("catalog").path("id")
        .asString()).isEqualTo(catalogId);
  }

  @Test
  void seed000Step2BuildsTheMarketingCampaignPackageOverBetaAsThePowerShellCmdletsSendIt(RunningSystem system) {
    GraphHttp graph = GraphHttp.asAdministrator(system);
    String name = "Marketing resources " + suffix();
    String groupId = createGroup(graph, name, "Marketing resources");

    // Get-MgEntitlementManagementAccessPackageCatalog -Filter "DisplayName eq 'General'"
    List<JsonNode> catalogs = ok(graph.get(BETA + "/accessPackageCatalogs?$filter=DisplayName eq 'General'")).values();
    assertThat(catalogs).singleElement().satisfies(general -> {
      assertThat(general.path("displayName").asString()).isEqualTo("General");
      assertThat(general.path("description").asString()).isEqualTo("Built-in catalog.");
      assertThat(general.path("catalogStatus").asString()).isEqualTo("Published");
      assertThat(general.path("catalogType").asString()).isEqualTo("ServiceDefault");
      assertThat(general.path("isExternallyVisible").asBoolean()).isTrue();
    });
    String catalogId = catalogs.get(0).path("id").asString();
    // The same filter as a hand-written request spells it finds the same catalog.
    assertThat(ok(graph.get(BETA + "/accessPackageCatalogs?$filter=(displayName eq 'General')")).values())
        .extracting(catalog -> catalog.path("id").asString()).containsExactly(catalogId);

    // New-MgEntitlementManagementAccessPackageResourceRequest with the seed's hashtable: "AadGroup " and OriginId as typed
    JsonNode request = created(graph.post(BETA + "/accessPackageResourceRequests", Map.of(
        "catalogId", catalogId,
        "requestType", "AdminAdd",
        "accessPackageResource", Map.of("originSystem", "AadGroup ", "OriginId", groupId))));
    assertThat(request.path("catalogId").asString()).isEqualTo(catalogId);
    assertThat(request.path("requestType").asString()).isEqualTo("AdminAdd");
    assertThat(request.path("requestState").asString()).isEqualTo("Delivered");
    assertThat(request.path("requestStatus").asString()).isEqualTo("Fulfilled");
    assertThat(request.path("executeImmediately").asBoolean(true)).isFalse();

    // Get-MgEntitlementManagementAccessPackageCatalogAccessPackageResource -Filter "DisplayName eq '<our group>'"
    List<JsonNode> resources = ok(graph.get(BETA + "/accessPackageCatalogs/" + catalogId
        + "/accessPackageResources?$filter=DisplayName eq '" + name + "'")).values();
    assertThat(resources).singleElement().satisfies(resource -> {
      assertThat(resource.path("displayName").asString()).isEqualTo(name);
      assertThat(resource.path("description").asString()).isEqualTo("Marketing resources");
      assertThat(resource.path("originId").asString()).isEqualTo(groupId);
      assertThat(resource.path("originSystem").asString()).isEqualTo("AadGroup");
      assertThat(resource.path("resourceType").asString()).isEqualTo("Security Group");
      assertThat(resource.path("addedBy").asString()).isEqualTo(ADMINISTRATOR);
      assertThat(resource.path("isPendingOnboarding").asBoolean(true)).isFalse();
    });
    String resourceId = resources.get(0).path("id").asString();
    assertThat(resourceId).isNotEqualTo(groupId);

    // Get-MgEntitlementManagementAccessPackageCatalogAccessPackageResourceRole -Filter "... and DisplayName eq 'Member'"
    List<JsonNode> roles = ok(graph.get(BETA + "/accessPackageCatalogs/" + catalogId + "/accessPackageResourceRoles"
        + "?$filter=originSystem eq 'AadGroup' and accessPackageResource/id eq '" + resourceId
        + "' and DisplayName eq 'Member'")).values();
    assertThat(roles).singleElement().satisfies(role -> {
      assertThat(role.path("displayName").asString()).isEqualTo("Member");
      assertThat(role.path("originSystem").asString()).isEqualTo("AadGroup");
    });
    String roleId = roles.get(0).path("id").asString();
    String roleOriginId = roles.get(0).path("originId").asString();
    assertThat(roleOriginId).isEqualTo("Member_" + groupId);

    // New-MgEntitlementManagementAccessPackage -CatalogId ... -DisplayName 'Marketing Campaign'
    JsonNode accessPackage = created(graph.post(BETA + "/accessPackages", Map.of(
        "catalogId", catalogId,
        "displayName", "Marketing Campaign")));
    assertThat(accessPackage.path("catalogId").asString()).isEqualTo(catalogId);
    assertThat(accessPackage.path("displayName").asString()).isEqualTo("Marketing Campaign");
    assertThat(accessPackage.path("isHidden").asBoolean(true)).isFalse();
    assertThat(accessPackage.path("isRoleScopesVisible").asBoolean(true)).isFalse();
    assertThat(accessPackage.path("createdBy").asString()).isEqualTo(ADMINISTRATOR);
    assertThat(accessPackage.path("modifiedBy").asString()).isEqualTo(ADMINISTRATOR);
    String packageId = accessPackage.path("id").asString();

    // New-MgEntitlementManagementAccessPackageResourceRoleScope with the seed's three hashtables
    JsonNode roleScope = created(graph.post(BETA + "/accessPackages/" + packageId + "/accessPackageResourceRoleScopes", Map.of(
        "accessPackageResourceRole", Map.of(
            "originId", roleOriginId,
            "displayName", "Member",
            "originSystem", "AadGroup",
            "accessPackageResource", Map.of("id", resourceId, "resourceType", "Security Group", "originId", groupId,
                "originSystem", "AadGroup")),
        "accessPackageResourceScope", Map.of("originId", groupId, "originSystem", "AadGroup"))));
    String scopeId = roleScope.path("accessPackageResourceScope").path("id").asString();
    assertThat(roleScope.path("id").asString()).isEqualTo(roleId + "_" + scopeId);
    assertThat(roleScope.path("accessPackageResourceRole").path("originId").asString()).isEqualTo(roleOriginId);
    assertThat(roleScope.path("accessPackageResourceScope").path("originId").asString()).isEqualTo(groupId);
    assertThat(roleScope.path("createdBy").asString()).isEqualTo(ADMINISTRATOR);

    JsonNode expanded = ok(graph.get(BETA + "/accessPackages/" + packageId + "?$expand=accessPackageResourceRoleScopes"))
        .body();
    assertThat(expanded.path("accessPackageResourceRoleScopes")).singleElement().satisfies(granted -> {
      assertThat(granted.path("id").asString()).isEqualTo(roleId + "_" + scopeId);
      assertThat(granted.path("accessPackageResourceScope").path("isRootScope").asBoolean()).isTrue();
    });
  }

  /** The tutorials' prerequisite: a security group the administrator created, under a name no other test uses. */
  private static String createGroup(GraphHttp graph, String name, String description) {
    JsonNode group = created(graph.post("/v1.0/groups", Map.of(
        "displayName", name,
        "description", description,
        "mailEnabled", false,
        "mailNickname", "markres" + suffix(),
        "securityEnabled", true)));
    return group.path("id").asString();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static GraphHttp.Answer ok(GraphHttp.Answer answer) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    return answer;
  }

  private static JsonNode created(GraphHttp.Answer answer) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    return answer.body();
  }
}
