package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quartermaster.odata.GraphModels.filter;
import static org.quartermaster.odata.GraphModels.query;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The query strings from the Graph docs (reference §1), verbatim, against models shaped like ours. */
class GraphDocumentedQueriesTest {

    private static final String PACKAGE_ID = "a1b2c3d4-0000-4a5b-9c8d-000000000001";
    private static final String USER_ID = "4e6c0b1f-5d3a-4c2e-8f9b-7a6d5c4b3a21";
    private static final String RESOURCE_ID = "ec09e90e-e021-4599-a8c3-bce77f4d5f3e";

    @Test
    void catalogsContainsToLower() {
        SqlFragment where = filter(GraphModels.CATALOGS, "contains(tolower(displayName),'staff')");

        assertThat(where.sql()).isEqualTo("LOWER(display_name) LIKE :f0 ESCAPE '\\'");
        assertThat(where.parameters()).containsExactly(Map.entry("f0", "%staff%"));
    }

    @Test
    void catalogsExpandAccessPackages() {
        assertThat(query(GraphModels.CATALOGS, "$expand", "accessPackages").expand())
                .containsExactly(new ExpandItem("accessPackages"));
    }

    @Test
    void accessPackagesDisplayNameEqAndContains() {
        assertThat(filter(GraphModels.ACCESS_PACKAGES, "displayName eq 'Marketing'").sql())
                .isEqualTo("ap.display_name = :f0");
        assertThat(filter(GraphModels.ACCESS_PACKAGES, "contains(displayName,'Market')").parameters())
                .containsExactly(Map.entry("f0", "%Market%"));
    }

    @Test
    void accessPackagesExpandResourceRoleScopesWithNestedRoleAndScope() {
        CollectionQuery query = query(GraphModels.ACCESS_PACKAGES, "$expand", "resourceRoleScopes($expand=role,scope)");

        assertThat(query.expand()).containsExactly(new ExpandItem("resourceRoleScopes",
                List.of(new ExpandItem("role"), new ExpandItem("scope"))));
    }

    @Test
    void accessPackagesExpandAlternatives() {
        assertThat(query(GraphModels.ACCESS_PACKAGES, "$expand", "assignmentPolicies").expand())
                .containsExactly(new ExpandItem("assignmentPolicies"));
        assertThat(query(GraphModels.ACCESS_PACKAGES, "$expand", "catalog").expand())
                .containsExactly(new ExpandItem("catalog"));
    }

    @Test
    void assignmentPoliciesFilterAndExpands() {
        assertThat(filter(GraphModels.ASSIGNMENT_POLICIES, "displayName eq 'Policy for sales'").parameters())
                .containsExactly(Map.entry("f0", "Policy for sales"));
        assertThat(query(GraphModels.ASSIGNMENT_POLICIES, "$expand", "accessPackage").expand())
                .containsExactly(new ExpandItem("accessPackage"));
        assertThat(query(GraphModels.ASSIGNMENT_POLICIES, "$expand", "customExtensionStageSettings($expand=customExtension)").expand())
                .containsExactly(new ExpandItem("customExtensionStageSettings", List.of(new ExpandItem("customExtension"))));
    }

    @Test
    void assignmentRequestsByAccessPackageWithQuotedGuid() {
        SqlFragment where = filter(GraphModels.ASSIGNMENT_REQUESTS, "accessPackage/id eq '" + PACKAGE_ID + "'");

        assertThat(where.sql()).isEqualTo("r.access_package_id = :f0");
        assertThat(where.parameters()).containsExactly(Map.entry("f0", UUID.fromString(PACKAGE_ID)));
    }

    @Test
    void assignmentRequestsStateAndCreatedDateTime() {
        SqlFragment where = filter(GraphModels.ASSIGNMENT_REQUESTS,
                "state eq 'PendingApproval' and createdDateTime ge 2024-01-01T00:00:00Z");

        assertThat(where.sql()).isEqualTo("(r.state = :f0 AND r.created_at >= :f1)");
        assertThat(where.parameters()).containsEntry("f0", "pendingApproval")
                .containsEntry("f1", java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void assignmentRequestsExpand() {
        assertThat(query(GraphModels.ASSIGNMENT_REQUESTS, "$expand", "accessPackage,assignment,requestor").expand())
                .extracting(ExpandItem::name).containsExactly("accessPackage", "assignment", "requestor");
    }

    @Test
    void assignmentsStateDelivered() {
        SqlFragment where = filter(GraphModels.ASSIGNMENTS, "state eq 'Delivered'");

        assertThat(where.sql()).isEqualTo("a.state = :f0");
        assertThat(where.parameters()).containsExactly(Map.entry("f0", "delivered"));
    }

    @Test
    void assignmentsExpandTargetFilterTargetObjectIdInLowerCase() {
        CollectionQuery query = query(GraphModels.ASSIGNMENTS,
                "$expand", "target", "$filter", "target/objectid eq '" + USER_ID + "'");

        assertThat(query.expand()).containsExactly(new ExpandItem("target"));
        assertThat(query.where().orElseThrow().sql()).isEqualTo("a.target_object_id = :f0");
        assertThat(query.where().orElseThrow().parameters()).containsExactly(Map.entry("f0", UUID.fromString(USER_ID)));
    }

    @Test
    void assignmentsByAccessPackageAndTarget() {
        SqlFragment where = filter(GraphModels.ASSIGNMENTS,
                "accessPackage/id eq '" + PACKAGE_ID + "' and target/objectid eq '" + USER_ID + "'");

        assertThat(where.sql()).isEqualTo("(a.access_package_id = :f0 AND a.target_object_id = :f1)");
        assertThat(where.parameters()).containsExactly(
                Map.entry("f0", UUID.fromString(PACKAGE_ID)), Map.entry("f1", UUID.fromString(USER_ID)));
    }

    @Test
    void assignmentsByAccessPackageAndState() {
        SqlFragment where = filter(GraphModels.ASSIGNMENTS, "accessPackage/id eq '" + PACKAGE_ID + "' and state eq 'Delivered'");

        assertThat(where.sql()).isEqualTo("(a.access_package_id = :f0 AND a.state = :f1)");
        assertThat(where.parameters()).containsEntry("f1", "delivered");
    }

    @Test
    void assignmentsSelectAndExpandList() {
        CollectionQuery query = query(GraphModels.ASSIGNMENTS,
                "$select", "id,state,schedule", "$expand", "target,accessPackage,assignmentPolicy");

        assertThat(query.select()).containsExactly("id", "state", "schedule");
        assertThat(query.expand()).extracting(ExpandItem::name).containsExactly("target", "accessPackage", "assignmentPolicy");
    }

    @Test
    void catalogResourcesByIdOrOriginId() {
        assertThat(filter(GraphModels.RESOURCES, "id eq '" + RESOURCE_ID + "'").parameters())
                .containsExactly(Map.entry("f0", UUID.fromString(RESOURCE_ID)));
        assertThat(filter(GraphModels.RESOURCES, "originId eq '" + RESOURCE_ID + "'").parameters())
                .as("originId is a string column, so the GUID-looking text stays a String")
                .containsExactly(Map.entry("f0", RESOURCE_ID));
        assertThat(query(GraphModels.RESOURCES, "$expand", "scopes,environment").expand())
                .extracting(ExpandItem::name).containsExactly("scopes", "environment");
        assertThat(query(GraphModels.RESOURCES, "$expand", "roles,scopes").expand())
                .extracting(ExpandItem::name).containsExactly("roles", "scopes");
    }

    @Test
    void catalogResourceRolesParenthesisedConjunction() {
        CollectionQuery query = query(GraphModels.RESOURCE_ROLES,
                "$filter", "(originSystem eq 'AadGroup' and resource/id eq '" + RESOURCE_ID + "' and displayName eq 'Member')",
                "$expand", "resource");

        SqlFragment where = query.where().orElseThrow();
        assertThat(where.sql()).isEqualTo("(rr.origin_system = :f0 AND rr.resource_id = :f1 AND rr.display_name = :f2)");
        assertThat(where.parameters()).containsExactly(Map.entry("f0", "AadGroup"),
                Map.entry("f1", UUID.fromString(RESOURCE_ID)), Map.entry("f2", "Member"));
        assertThat(query.expand()).containsExactly(new ExpandItem("resource"));
    }

    @Test
    void connectedOrganizationsDisplayNameAndSelect() {
        CollectionQuery query = query(GraphModels.CONNECTED_ORGANIZATIONS,
                "$filter", "displayName eq 'Contoso'", "$select", "id,displayName,identitySources");

        assertThat(query.where().orElseThrow().sql()).isEqualTo("display_name = :f0");
        assertThat(query.select()).containsExactly("id", "displayName", "identitySources");
    }

    @Test
    void connectedOrganizationsLambdaIsRejectedClearly() {
        assertThatThrownBy(() -> filter(GraphModels.CONNECTED_ORGANIZATIONS,
                "identitySources/any(is:is/microsoft.graph.azureActiveDirectoryTenant/tenantId eq '" + USER_ID + "')"))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> {
                    assertThat(e.clause()).isEqualTo("$filter");
                    assertThat(e.getMessage()).isEqualTo("$filter: lambda operator 'any' is not supported at position 16");
                });
    }

    @Test
    void resourceRequestsByCatalog() {
        SqlFragment where = filter(GraphModels.RESOURCE_REQUESTS, "catalog/id eq '" + PACKAGE_ID + "'");

        assertThat(where.sql()).isEqualTo("catalog_id = :f0");
        assertThat(where.parameters()).containsExactly(Map.entry("f0", UUID.fromString(PACKAGE_ID)));
    }
}
