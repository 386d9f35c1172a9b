package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quartermaster.odata.GraphModels.query;

import java.util.List;

import org.junit.jupiter.api.Test;

class SelectAndExpandTest {

    @Test
    void selectReturnsCanonicalNamesInRequestOrderWithoutDuplicates() {
        CollectionQuery query = query(GraphModels.CATALOGS, "$select", " DISPLAYNAME , id,displayName,isexternallyvisible");

        assertThat(query.select()).containsExactly("displayName", "id", "isExternallyVisible");
    }

    @Test
    void noSelectOrStarMeansAllProperties() {
        assertThat(query(GraphModels.CATALOGS).select()).isEmpty();
        assertThat(query(GraphModels.CATALOGS, "$select", "*").select()).isEmpty();
    }

    @Test
    void selectAcceptsDeclaredSelectOnlyNamesButNotNavigationPaths() {
        assertThat(query(GraphModels.ASSIGNMENT_POLICIES, "$select", "requestorSettings,expiration").select())
                .containsExactly("requestorSettings", "expiration");
        assertThat(expectError("$select", () -> query(GraphModels.ASSIGNMENT_POLICIES, "$select", "accessPackage/id")).getMessage())
                .startsWith("$select: unknown property 'accessPackage/id' on 'assignmentPolicies' (selectable: id, displayName, ");
    }

    @Test
    void selectUnknownPropertyPointsAtIt() {
        ODataQueryException e = expectError("$select", () -> query(GraphModels.CATALOGS, "$select", "id, colour"));

        assertThat(e.getMessage()).startsWith("$select: unknown property 'colour' on 'catalogs'").endsWith("at position 4");
        assertThat(e.token()).contains("colour");
    }

    @Test
    void selectEmptyItems() {
        assertThat(expectError("$select", () -> query(GraphModels.CATALOGS, "$select", "")).getMessage())
                .isEqualTo("$select: the value is empty");
        assertThat(expectError("$select", () -> query(GraphModels.CATALOGS, "$select", "id,,displayName")).getMessage())
                .isEqualTo("$select: empty item in the comma-separated list at position 3");
    }

    @Test
    void expandIsATreeWithCanonicalNames() {
        CollectionQuery query = query(GraphModels.ACCESS_PACKAGES,
                "$expand", "Catalog, RESOURCEROLESCOPES( $expand = Role , scope ) ,assignmentPolicies");

        assertThat(query.expand()).containsExactly(
                new ExpandItem("catalog"),
                new ExpandItem("resourceRoleScopes", List.of(new ExpandItem("role"), new ExpandItem("scope"))),
                new ExpandItem("assignmentPolicies"));
    }

    @Test
    void emptyNestedOptionListIsAllowedOnlyWithAnExpand() {
        assertThat(query(GraphModels.ACCESS_PACKAGES, "$expand", "resourceRoleScopes($expand=role)").expand())
                .containsExactly(new ExpandItem("resourceRoleScopes", List.of(new ExpandItem("role"))));
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "resourceRoleScopes()")).getMessage())
                .isEqualTo("$expand: unexpected character ')' at position 19");
    }

    @Test
    void unknownExpandNamesTheNavigationAndListsAlternatives() {
        assertThat(expectError("$expand", () -> query(GraphModels.ASSIGNMENTS, "$expand", "target,requestor")).getMessage())
                .isEqualTo("$expand: unknown navigation property 'requestor' on 'assignments' "
                        + "(expandable: target, accessPackage, assignmentPolicy) at position 7");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "resourceRoleScopes($expand=role,owner)")).getMessage())
                .isEqualTo("$expand: unknown navigation property 'owner' on 'resourceRoleScopes' (expandable: role, scope) at position 32");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "catalog($expand=role)")).getMessage())
                .isEqualTo("$expand: unknown navigation property 'role' on 'catalog' (expandable: none) at position 16");
    }

    @Test
    void nestedOptionsOtherThanExpandAreNotSupported() {
        assertThat(expectError("$expand", () -> query(GraphModels.ASSIGNMENTS, "$expand", "target($select=displayName)")).getMessage())
                .isEqualTo("$expand: nested option '$select' is not supported (only $expand) at position 7");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand",
                "resourceRoleScopes($expand=role;$filter=id eq 1)")).getMessage())
                .isEqualTo("$expand: nested option '$filter' is not supported (only $expand) at position 32");
    }

    @Test
    void malformedExpandValues() {
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "resourceRoleScopes($expand=role")).getMessage())
                .isEqualTo("$expand: missing ')' for the '(' at position 18; reached end of value at position 31");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "catalog)")).getMessage())
                .isEqualTo("$expand: unexpected character ')' at position 7");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "catalog,")).getMessage())
                .isEqualTo("$expand: unexpected end of value at position 8");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "resourceRoleScopes/role")).getMessage())
                .isEqualTo("$expand: unexpected character '/' at position 18");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "*")).getMessage())
                .isEqualTo("$expand: '*' is not supported; name the navigation properties to expand at position 0");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", " ")).getMessage())
                .isEqualTo("$expand: the value is empty");
    }

    @Test
    void duplicateExpandIsRejected() {
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand", "catalog,Catalog")).getMessage())
                .isEqualTo("$expand: 'catalog' is expanded more than once at position 8");
        assertThat(expectError("$expand", () -> query(GraphModels.ACCESS_PACKAGES, "$expand",
                "resourceRoleScopes($expand=role;$expand=scope)")).getMessage())
                .isEqualTo("$expand: nested $expand is given twice at position 32");
    }

    static ODataQueryException expectError(String clause, Runnable action) {
        ODataQueryException[] caught = new ODataQueryException[1];
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ODataQueryException.class, e -> caught[0] = e);
        assertThat(caught[0].clause()).isEqualTo(clause);
        return caught[0];
    }
}
