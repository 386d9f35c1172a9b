package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quartermaster.odata.GraphModels.ALL_TYPES;
import static org.quartermaster.odata.GraphModels.filter;
import static org.quartermaster.odata.GraphModels.query;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input either ends up as a bound parameter value or is rejected; it never reaches the SQL text. */
class InjectionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "x' OR '1'='1",
            "'; DROP TABLE access_package_assignments; --",
            "a') OR 1=1 --",
            "\\'; SELECT pg_sleep(10); --",
            "$$; DELETE FROM t; $$",
            ":f1",
            "/* comment */",
            "E'\\x41'",
    })
    void stringPayloadsAreBoundVerbatim(String payload) {
        String literal = "'" + payload.replace("'", "''") + "'";

        SqlFragment equality = filter(ALL_TYPES, "name eq " + literal);
        assertThat(equality.sql()).isEqualTo("name = :f0");
        assertThat(equality.parameters()).containsExactly(Map.entry("f0", payload));

        SqlFragment contains = filter(ALL_TYPES, "contains(name," + literal + ")");
        assertThat(contains.sql()).isEqualTo("name LIKE :f0 ESCAPE '\\'");
        assertThat((String) contains.parameters().get("f0")).contains(payload.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "name eq 'a' ; DROP TABLE t",
            "name eq 'a' -- comment",
            "name eq 'a' /* x */",
            "name eq 'a'' OR 1=1",
            "name) OR (1=1",
            "name eq 'a' OR 1=1",
            "pg_sleep(10) eq 1",
            "name eq 'a' union select 1",
            "name; eq 'a'",
            "name eq 0x41",
    })
    void structuralPayloadsAreRejected(String filter) {
        assertThatThrownBy(() -> filter(ALL_TYPES, filter))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> assertThat(e.clause()).isEqualTo("$filter"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "name; DROP TABLE t",
            "name desc; DROP TABLE t",
            "name desc nulls first",
            "(select 1)",
            "name collate \"C\"",
            "1",
    })
    void orderByPayloadsAreRejected(String orderBy) {
        assertThatThrownBy(() -> query(ALL_TYPES, "$orderby", orderBy))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> assertThat(e.clause()).isEqualTo("$orderby"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name,(select password from users)", "name;drop", "*,name--"})
    void selectPayloadsAreRejected(String select) {
        assertThatThrownBy(() -> query(ALL_TYPES, "$select", select))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> assertThat(e.clause()).isEqualTo("$select"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name eq 'a'", "size gt 5 and contains(name,'x')", "state in ('delivered')"})
    void sqlTextContainsOnlyModelExpressionsKeywordsAndPlaceholders(String filter) {
        String sql = filter(ALL_TYPES, filter).sql();

        String withoutAllowed = sql.replaceAll(":f\\d+", "")
                .replaceAll("\\b(name|size|state|AND|OR|IN|LIKE|ESCAPE)\\b", "")
                .replace("'\\'", "");
        assertThat(withoutAllowed).matches("[\\s()=<>,]*");
    }
}
