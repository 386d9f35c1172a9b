package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.odata.GraphModels.query;
import static org.quartermaster.odata.SelectAndExpandTest.expectError;

import org.junit.jupiter.api.Test;

class OrderByTest {

    @Test
    void withoutOrderByTheTieBreakerAloneOrdersThePage() {
        CollectionQuery query = query(GraphModels.CATALOGS);

        assertThat(query.orderBy()).containsExactly(new OrderBy("id", "id", false));
        assertThat(query.orderByClause()).isEqualTo("id ASC");
    }

    @Test
    void keysKeepTheirOrderAndDirectionAndEndWithTheTieBreaker() {
        CollectionQuery query = query(GraphModels.CATALOGS, "$orderby", "displayName desc, createdDateTime");

        assertThat(query.orderBy()).containsExactly(
                new OrderBy("displayName", "display_name", true),
                new OrderBy("createdDateTime", "created_at", false),
                new OrderBy("id", "id", false));
        assertThat(query.orderByClause()).isEqualTo("display_name DESC, created_at ASC, id ASC");
    }

    @Test
    void namesAndDirectionsAreCaseInsensitive() {
        assertThat(query(GraphModels.CATALOGS, "$orderby", "DisplayName DESC,createddatetime Asc").orderByClause())
                .isEqualTo("display_name DESC, created_at ASC, id ASC");
    }

    @Test
    void tieBreakerIsNotRepeatedWhenTheClientSortsByIt() {
        assertThat(query(GraphModels.CATALOGS, "$orderby", "id desc").orderByClause()).isEqualTo("id DESC");
        assertThat(query(GraphModels.CATALOGS, "$orderby", "id,displayName").orderByClause()).isEqualTo("id ASC, display_name ASC");
    }

    @Test
    void tieBreakerThatIsNotADeclaredPropertyIsNamedByItsSql() {
        QueryModel model = QueryModel.builder("things").property("name", "name", PropertyType.STRING).sortable("name")
                .defaultOrderBy("row_id").build();

        assertThat(query(model, "$orderby", "name").orderBy()).last().isEqualTo(new OrderBy("row_id", "row_id", false));
    }

    @Test
    void navigationPathsCanBeSortable() {
        assertThat(query(GraphModels.ASSIGNMENTS, "$orderby", "target/displayName").orderByClause())
                .isEqualTo("t.display_name ASC, a.id ASC");
    }

    @Test
    void onlySortablePropertiesAreAccepted() {
        assertThat(expectError("$orderby", () -> query(GraphModels.CATALOGS, "$orderby", "displayName, description")).getMessage())
                .isEqualTo("$orderby: property 'description' is not sortable (sortable: id, displayName, createdDateTime) at position 13");
    }

    @Test
    void unknownPropertyAndBadDirection() {
        assertThat(expectError("$orderby", () -> query(GraphModels.CATALOGS, "$orderby", "colour")).getMessage())
                .isEqualTo("$orderby: unknown property 'colour' on 'catalogs' (sortable: id, displayName, createdDateTime) at position 0");
        assertThat(expectError("$orderby", () -> query(GraphModels.CATALOGS, "$orderby", "displayName down")).getMessage())
                .isEqualTo("$orderby: sort direction must be 'asc' or 'desc', not 'down' at position 12");
        assertThat(expectError("$orderby", () -> query(GraphModels.CATALOGS, "$orderby", "displayName asc nulls")).getMessage())
                .isEqualTo("$orderby: unexpected token 'nulls' after 'displayName asc' at position 16");
        assertThat(expectError("$orderby", () -> query(GraphModels.CATALOGS, "$orderby", "tolower(displayName)")).getMessage())
                .startsWith("$orderby: unknown property 'tolower(displayName)'");
    }

    @Test
    void duplicateAndEmptyKeys() {
        assertThat(expectError("$orderby", () -> query(GraphModels.CATALOGS, "$orderby", "displayName,DISPLAYNAME desc")).getMessage())
                .isEqualTo("$orderby: property 'displayName' is listed more than once at position 12");
        assertThat(expectError("$orderby", () -> query(GraphModels.CATALOGS, "$orderby", "displayName,")).getMessage())
                .isEqualTo("$orderby: empty item in the comma-separated list at position 12");
        assertThat(expectError("$orderby", () -> query(GraphModels.CATALOGS, "$orderby", "")).getMessage())
                .isEqualTo("$orderby: the value is empty");
    }
}
