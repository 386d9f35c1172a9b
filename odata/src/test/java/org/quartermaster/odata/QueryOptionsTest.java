package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.odata.GraphModels.query;
import static org.quartermaster.odata.SelectAndExpandTest.expectError;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QueryOptionsTest {

    @Test
    void noOptionsGivesTheDefaults() {
        CollectionQuery query = ODataQueryParser.parse(Map.of(), GraphModels.CATALOGS, 100);

        assertThat(query.where()).isEmpty();
        assertThat(query.select()).isEmpty();
        assertThat(query.expand()).isEmpty();
        assertThat(query.count()).isFalse();
        assertThat(query.top()).isEqualTo(100);
        assertThat(query.skip()).isZero();
    }

    @Test
    void allOptionsTogether() {
        CollectionQuery query = query(GraphModels.ASSIGNMENTS,
                "$filter", "state eq 'delivered'", "$select", "id,state", "$expand", "target",
                "$orderby", "expiredDateTime desc", "$top", "50", "$count", "true");

        assertThat(query.where().orElseThrow().sql()).isEqualTo("a.state = :f0");
        assertThat(query.select()).containsExactly("id", "state");
        assertThat(query.expand()).containsExactly(new ExpandItem("target"));
        assertThat(query.orderByClause()).isEqualTo("a.expired_at DESC, a.id ASC");
        assertThat(query.top()).isEqualTo(50);
        assertThat(query.count()).isTrue();
    }

    @Test
    void countAcceptsTrueAndFalseOnly() {
        assertThat(query(GraphModels.CATALOGS, "$count", "TRUE").count()).isTrue();
        assertThat(query(GraphModels.CATALOGS, "$count", "false").count()).isFalse();
        assertThat(expectError("$count", () -> query(GraphModels.CATALOGS, "$count", "yes")).getMessage())
                .isEqualTo("$count: must be 'true' or 'false', not 'yes'");
    }

    @Test
    void optionNamesAreCaseInsensitive() {
        CollectionQuery query = query(GraphModels.CATALOGS, "$FILTER", "displayName eq 'a'", "$Top", "3");

        assertThat(query.where()).isPresent();
        assertThat(query.top()).isEqualTo(3);
    }

    @Test
    void sameOptionTwiceInDifferentCaseIsRejected() {
        assertThat(expectError("$top", () -> query(GraphModels.CATALOGS, "$top", "3", "$TOP", "4")).getMessage())
                .isEqualTo("$top: the option is given more than once");
    }

    @Test
    void unknownDollarOptionIsNamed() {
        ODataQueryException e = expectError("$frobnicate", () -> query(GraphModels.CATALOGS, "$frobnicate", "1"));

        assertThat(e.getMessage()).isEqualTo("$frobnicate: unknown query option '$frobnicate' "
                + "(supported: $filter, $select, $expand, $orderby, $top, $skiptoken, $count)");
    }

    @Test
    void knownButUnsupportedOptionsSayWhy() {
        assertThat(expectError("$search", () -> query(GraphModels.CATALOGS, "$search", "\"displayName:staff\"")).getMessage())
                .isEqualTo("$search: the query option '$search' is not supported; use $filter with contains(...)");
        assertThat(expectError("$skip", () -> query(GraphModels.CATALOGS, "$skip", "10")).getMessage())
                .contains("follow @odata.nextLink");
        assertThat(expectError("$format", () -> query(GraphModels.CATALOGS, "$Format", "json")).getMessage())
                .isEqualTo("$format: the query option '$Format' is not supported; responses are always JSON");
    }

    @Test
    void parametersWithoutDollarBelongToTheCaller() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("filter", "this is not OData");
        parameters.put("api-version", "2024");
        parameters.put("$top", "5");

        assertThat(ODataQueryParser.parse(parameters, GraphModels.CATALOGS, 100).top()).isEqualTo(5);
    }

    @Test
    void nullValueIsTreatedAsEmpty() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("$filter", null);

        assertThat(expectError("$filter", () -> ODataQueryParser.parse(parameters, GraphModels.CATALOGS, 100)).getMessage())
                .isEqualTo("$filter: the expression is empty");
    }

    @Test
    void resultCollectionsAreImmutable() {
        CollectionQuery query = query(GraphModels.ACCESS_PACKAGES, "$select", "id", "$expand", "catalog",
                "$filter", "displayName eq 'a'");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query.select().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query.expand().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query.where().orElseThrow().parameters().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parseIsDeterministic() {
        String[] parameters = {"$filter", "state eq 'delivered' or contains(status,'x')", "$orderby", "expiredDateTime"};

        assertThat(query(GraphModels.ASSIGNMENTS, parameters)).isEqualTo(query(GraphModels.ASSIGNMENTS, parameters));
    }
}
