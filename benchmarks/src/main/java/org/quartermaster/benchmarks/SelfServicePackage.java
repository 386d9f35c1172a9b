package org.quartermaster.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An access package any member user may add themselves to without approval, set up through the API the way an
 * administrator would: a group in the General catalog, a package granting its Member role, and a policy with
 * allowedTargetScope allMemberUsers and self-add enabled.
 *
 * @param groupId the group a delivered request makes its target a member of
 */
record SelfServicePackage(String groupId, String accessPackageId, String policyId) {

  static final String ENTITLEMENT_MANAGEMENT = "/v1.0/identityGovernance/entitlementManagement";

  static SelfServicePackage create(GraphClient client, String adminToken, String run) throws Exception {
    String groupId = client.createGroup(adminToken, "benchmark-self-service-" + run);
    String catalogId = only(client.call("GET", ENTITLEMENT_MANAGEMENT + "/catalogs?$filter="
        + encode("displayName eq 'General'"), adminToken, null, 200)).get("id").toString();
    client.call("POST", ENTITLEMENT_MANAGEMENT + "/resourceRequests", adminToken, Map.of(
        "requestType", "adminAdd",
        "resource", Map.of("originId", groupId, "originSystem", "AadGroup"),
        "catalog", Map.of("id", catalogId)), 201);
    String catalog = ENTITLEMENT_MANAGEMENT + "/catalogs/" + catalogId;
    String resourceId = only(client.call("GET", catalog + "/resources?$filter=" + encode("originId eq '" + groupId + "'"),
        adminToken, null, 200)).get("id").toString();
    Map<String, Object> role = only(client.call("GET", catalog + "/resourceRoles?$filter=" + encode(
        "originSystem eq 'AadGroup' and resource/id eq '" + resourceId + "' and displayName eq 'Member'"),
        adminToken, null, 200));
    String scopeId = list(client.call("GET", catalog + "/resourceScopes", adminToken, null, 200)).stream()
        .filter(scope -> groupId.equals(scope.get("originId"))).findFirst()
        .orElseThrow(() -> new IllegalStateException("No resource scope for group " + groupId)).get("id").toString();
    String packageId = client.call("POST", ENTITLEMENT_MANAGEMENT + "/accessPackages", adminToken, Map.of(
        "displayName", "Benchmark self-service", "catalog", Map.of("id", catalogId)), 201).get("id").toString();
    client.call("POST", ENTITLEMENT_MANAGEMENT + "/accessPackages/" + packageId + "/resourceRoleScopes", adminToken, Map.of(
        "role", Map.of("id", role.get("id"), "originId", role.get("originId"), "originSystem", "AadGroup",
            "resource", Map.of("id", resourceId)),
        "scope", Map.of("id", scopeId, "originId", groupId, "originSystem", "AadGroup")), 201);
    String policyId = client.call("POST", ENTITLEMENT_MANAGEMENT + "/assignmentPolicies", adminToken, Map.of(
        "displayName", "Benchmark: any member, no approval",
        "description", "Self-add without approval",
        "allowedTargetScope", "allMemberUsers",
        "expiration", Map.of("type", "noExpiration"),
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true, "enableTargetsToSelfRemoveAccess", true),
        "accessPackage", Map.of("id", packageId)), 201).get("id").toString();
    return new SelfServicePackage(groupId, packageId, policyId);
  }

  /** The body of a self-service userAdd for {@code userId}. */
  Map<String, Object> userAdd(String userId) {
    return Map.of("requestType", "userAdd", "assignment", Map.of(
        "targetId", userId, "assignmentPolicyId", policyId, "accessPackageId", accessPackageId));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> collection) {
    return (List<Map<String, Object>>) collection.get("value");
  }

  private static Map<String, Object> only(Map<String, Object> collection) {
    List<Map<String, Object>> items = list(collection);
    if (items.size() != 1) {
      throw new IllegalStateException("Expected exactly one item, got " + collection);
    }
    return items.get(0);
  }

  private static String encode(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
