package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The tutorials' starting point, built by the administrator over v1.0 exactly as seed 001 steps 1.1–1.6 do (those
 * steps are asserted one by one in {@link EntitlementOverHttpTest}): Requestor1, a Marketing resources group in the
 * General catalog, and an access package granting membership of it. Every name is unique, so tests sharing the
 * General catalog only ever find their own.
 *
 * @param catalogId the General catalog
 * @param groupId the Marketing resources group, as the directory knows it
 * @param packageId the access package
 * @param requestor Requestor1
 */
record MarketingCampaign(String catalogId, String groupId, String packageId, Person requestor) {

  static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  static final String BETA = "/beta/identityGovernance/entitlementManagement";

  /** A directory user and the name they sign in with, which is what {@code POST /dev/token} takes. */
  record Person(String id, String principalName) {

    String token(RunningSystem system) {
      return DevTokenEndpoint.tokenFor(system.baseUrl(), principalName);
    }
  }

  static MarketingCampaign build(GraphHttp admin, String packageName) {
    Person requestor = createUser(admin, "Requestor1");
    // 1.1 the General catalog
    String catalogId = single(ok(admin.get(V1 + "/catalogs?$filter=(displayName eq 'General')")).values()).path("id").asString();
    GroupPackage granted = packageGrantingMembership(admin, catalogId, "Marketing resources " + suffix(), packageName);
    return new MarketingCampaign(catalogId, granted.groupId(), granted.packageId(), requestor);
  }

  /** An access package whose one role is membership of a new security group. */
  record GroupPackage(String groupId, String packageId) {
  }

  /** Seed 001 steps 1.2–1.6 in a catalog: a new group into the catalog, and a package granting its Member role. */
  static GroupPackage packageGrantingMembership(GraphHttp admin, String catalogId, String groupName, String packageName) {
    String groupId = created(admin.post("/v1.0/groups", Map.of(
        "displayName", groupName,
        "description", groupName,
        "mailEnabled", false,
        "mailNickname", "grp" + suffix(),
        "securityEnabled", true))).path("id").asString();
    // 1.2 the group into the catalog
    created(admin.post(V1 + "/resourceRequests", Map.of(
        "catalogId", catalogId,
        "requestType", "AdminAdd",
        "justification", "",
        "accessPackageResource", Map.of("resourceType", "AadGroup", "originId", groupId, "originSystem", "AadGroup"))));
    // 1.3 its resource, 1.4 the resource's Member role
    String resourceId = single(ok(admin.get(V1 + "/catalogs/" + catalogId + "/resources?$filter=originId eq '" + groupId + "'"))
        .values()).path("id").asString();
    JsonNode member = single(ok(admin.get(V1 + "/catalogs/" + catalogId + "/resourceRoles?$filter=(originSystem eq 'AadGroup'"
        + " and displayName eq 'Member' and resource/id eq '" + resourceId + "')&$expand=resource")).values());
    // 1.5 the package, 1.6 the Member role in it
    String packageId = created(admin.post(V1 + "/accessPackages", Map.of(
        "catalogId", catalogId,
        "displayName", packageName,
        "description", "Membership of " + groupName))).path("id").asString();
    created(admin.post(V1 + "/accessPackages/" + packageId + "/accessPackageResourceRoleScopes", Map.of(
        "role", Map.of(
            "originId", member.path("originId").asString(),
            "displayName", "Member",
            "originSystem", "AadGroup",
            "resource", Map.of("id", resourceId, "resourceType", "Security Group", "originId", groupId,
                "originSystem", "AadGroup")),
        "scope", Map.of("originId", groupId, "originSystem", "AadGroup"))));
    return new GroupPackage(groupId, packageId);
  }

  /** A member user as seed 000 step 1 creates Requestor1, under a principal name no other test uses. */
  static Person createUser(GraphHttp admin, String displayName) {
    String nickname = displayName.replaceAll("[^A-Za-z0-9]", "") + "-" + suffix();
    JsonNode user = created(admin.post("/v1.0/users", Map.of(
        "displayName", displayName,
        "passwordProfile", Map.of("password", "Contoso1234", "forceChangePasswordNextSignIn", true),
        "accountEnabled", true,
        "mailNickname", nickname,
        "userPrincipalName", nickname + "@contoso.onmicrosoft.com")));
    return new Person(user.path("id").asString(), user.path("userPrincipalName").asString());
  }

  /** The ids of the group's members, as the directory lists them. */
  List<String> memberIds(GraphHttp graph) {
    return ok(graph.get("/v1.0/groups/" + groupId + "/members")).values().stream().map(m -> m.path("id").asString()).toList();
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static GraphHttp.Answer ok(GraphHttp.Answer answer) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    return answer;
  }

  static JsonNode created(GraphHttp.Answer answer) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    return answer.body();
  }

  static JsonNode single(List<JsonNode> values) {
    assertThat(values).hasSize(1);
    return values.get(0);
  }
}
