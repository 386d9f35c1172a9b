package org.quartermaster.odata;

import java.util.List;
import java.util.Map;

/** Models shaped like the entitlement-management entity sets, as the services will declare them. */
final class GraphModels {

    static final List<String> ASSIGNMENT_STATES =
            List.of("delivering", "partiallyDelivered", "delivered", "expired", "deliveryFailed");
    static final List<String> REQUEST_STATES = List.of("submitted", "pendingApproval", "delivering", "delivered",
            "deliveryFailed", "denied", "scheduled", "canceled", "partiallyDelivered");
    static final List<String> REQUEST_TYPES = List.of("notSpecified", "userAdd", "userUpdate", "userRemove",
            "adminAdd", "adminUpdate", "adminRemove", "systemAdd", "systemUpdate", "systemRemove");

    static final QueryModel CATALOGS = QueryModel.builder("catalogs")
            .property("id", "id", PropertyType.GUID)
            .property("displayName", "display_name", PropertyType.STRING)
            .property("description", "description", PropertyType.STRING)
            .enumProperty("catalogType", "catalog_type", List.of("userManaged", "serviceDefault", "serviceManaged"))
            .enumProperty("state", "state", List.of("unpublished", "published"))
            .property("isExternallyVisible", "is_externally_visible", PropertyType.BOOLEAN)
            .property("createdDateTime", "created_at", PropertyType.DATETIME)
            .sortable("displayName", "createdDateTime", "id")
            .expandable("accessPackages", "resources", "resourceRoles", "resourceScopes", "customWorkflowExtensions")
            .defaultOrderBy("id")
            .build();

    static final QueryModel ACCESS_PACKAGES = QueryModel.builder("accessPackages")
            .property("id", "ap.id", PropertyType.GUID)
            .property("displayName", "ap.display_name", PropertyType.STRING)
            .property("description", "ap.description", PropertyType.STRING)
            .property("isHidden", "ap.is_hidden", PropertyType.BOOLEAN)
            .property("createdDateTime", "ap.created_at", PropertyType.DATETIME)
            .property("catalog/id", "ap.catalog_id", PropertyType.GUID)
            .sortable("displayName", "createdDateTime")
            .expandable("assignmentPolicies", "resourceRoleScopes", "resourceRoleScopes/role",
                    "resourceRoleScopes/scope", "catalog", "incompatibleAccessPackages")
            .defaultOrderBy("ap.id")
            .build();

    static final QueryModel ASSIGNMENT_POLICIES = QueryModel.builder("assignmentPolicies")
            .property("id", "id", PropertyType.GUID)
            .property("displayName", "display_name", PropertyType.STRING)
            .property("accessPackage/id", "access_package_id", PropertyType.GUID)
            .enumProperty("allowedTargetScope", "allowed_target_scope", List.of("notSpecified", "specificDirectoryUsers",
                    "specificConnectedOrganizationUsers", "specificDirectoryServicePrincipals", "allMemberUsers",
                    "allDirectoryUsers", "allDirectoryServicePrincipals", "allConfiguredConnectedOrganizationUsers",
                    "allExternalUsers", "unknownFutureValue"))
            .selectable("requestorSettings", "requestApprovalSettings", "expiration")
            .expandable("accessPackage", "catalog", "customExtensionStageSettings",
                    "customExtensionStageSettings/customExtension", "questions")
            .defaultOrderBy("id")
            .build();

    static final QueryModel ASSIGNMENT_REQUESTS = QueryModel.builder("assignmentRequests")
            .property("id", "r.id", PropertyType.GUID)
            .enumProperty("state", "r.state", REQUEST_STATES)
            .property("status", "r.status", PropertyType.STRING)
            .enumProperty("requestType", "r.request_type", REQUEST_TYPES)
            .property("createdDateTime", "r.created_at", PropertyType.DATETIME)
            .property("completedDateTime", "r.completed_at", PropertyType.DATETIME)
            .property("accessPackage/id", "r.access_package_id", PropertyType.GUID)
            .property("requestor/objectId", "r.requestor_object_id", PropertyType.GUID)
            .sortable("createdDateTime", "completedDateTime")
            .expandable("accessPackage", "assignment", "requestor")
            .defaultOrderBy("r.id")
            .build();

    static final QueryModel ASSIGNMENTS = QueryModel.builder("assignments")
            .property("id", "a.id", PropertyType.GUID)
            .enumProperty("state", "a.state", ASSIGNMENT_STATES)
            .property("status", "a.status", PropertyType.STRING)
            .property("expiredDateTime", "a.expired_at", PropertyType.DATETIME)
            .property("accessPackage/id", "a.access_package_id", PropertyType.GUID)
            .property("assignmentPolicy/id", "a.assignment_policy_id", PropertyType.GUID)
            .property("target/objectId", "a.target_object_id", PropertyType.GUID)
            .property("target/displayName", "t.display_name", PropertyType.STRING)
            .selectable("schedule")
            .sortable("expiredDateTime", "target/displayName")
            .expandable("target", "accessPackage", "assignmentPolicy")
            .defaultOrderBy("a.id")
            .build();

    static final QueryModel RESOURCES = QueryModel.builder("resources")
            .property("id", "id", PropertyType.GUID)
            .property("displayName", "display_name", PropertyType.STRING)
            .property("originId", "origin_id", PropertyType.STRING)
            .property("originSystem", "origin_system", PropertyType.STRING)
            .expandable("scopes", "environment", "roles")
            .defaultOrderBy("id")
            .build();

    static final QueryModel RESOURCE_ROLES = QueryModel.builder("resourceRoles")
            .property("id", "rr.id", PropertyType.GUID)
            .property("displayName", "rr.display_name", PropertyType.STRING)
            .property("originId", "rr.origin_id", PropertyType.STRING)
            .property("originSystem", "rr.origin_system", PropertyType.STRING)
            .property("resource/id", "rr.resource_id", PropertyType.GUID)
            .expandable("resource")
            .defaultOrderBy("rr.id")
            .build();

    static final QueryModel RESOURCE_REQUESTS = QueryModel.builder("resourceRequests")
            .property("id", "id", PropertyType.GUID)
            .property("catalog/id", "catalog_id", PropertyType.GUID)
            .enumProperty("requestType", "request_type", REQUEST_TYPES)
            .enumProperty("state", "state", REQUEST_STATES)
            .expandable("catalog", "resource")
            .defaultOrderBy("id")
            .build();

    static final QueryModel CONNECTED_ORGANIZATIONS = QueryModel.builder("connectedOrganizations")
            .property("id", "id", PropertyType.GUID)
            .property("displayName", "display_name", PropertyType.STRING)
            .selectable("identitySources")
            .defaultOrderBy("id")
            .build();

    /** Not a Graph entity set: one property of every type, for type-coercion tests. */
    static final QueryModel ALL_TYPES = QueryModel.builder("things")
            .property("id", "id", PropertyType.GUID)
            .property("name", "name", PropertyType.STRING)
            .property("otherName", "other_name", PropertyType.STRING)
            .property("enabled", "enabled", PropertyType.BOOLEAN)
            .property("size", "size", PropertyType.INTEGER)
            .property("otherSize", "other_size", PropertyType.INTEGER)
            .property("createdDateTime", "created_at", PropertyType.DATETIME)
            .enumProperty("state", "state", ASSIGNMENT_STATES)
            .enumProperty("otherState", "other_state", List.of("on", "off"))
            .property("owner/id", "owner_id", PropertyType.GUID)
            .sortable("name", "size", "createdDateTime", "id")
            .defaultOrderBy("id")
            .build();

    private GraphModels() {
    }

    static CollectionQuery query(QueryModel model, String... nameValuePairs) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            parameters.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return ODataQueryParser.parse(parameters, model, 100);
    }

    static SqlFragment filter(QueryModel model, String filter) {
        return query(model, "$filter", filter).where().orElseThrow();
    }
}
