package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quartermaster.odata.GraphModels.ALL_TYPES;
import static org.quartermaster.odata.GraphModels.filter;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a $filter can be rejected: the message names the clause, the offending token and where it is. */
class FilterErrorsTest {

    @Test
    void chainedComparisonReportsTheSecondOperator() {
        ODataQueryException e = reject(ALL_TYPES, "size eq 1 eq 2");

        assertThat(e.getMessage()).isEqualTo("$filter: unexpected token 'eq' at position 10");
        assertThat(e.clause()).isEqualTo("$filter");
        assertThat(e.token()).contains("eq");
        assertThat(e.position()).hasValue(10);
    }

    @Test
    void unknownPropertyNamesItAndListsTheFilterableOnes() {
        ODataQueryException e = reject(GraphModels.ASSIGNMENTS, "state eq 'delivered' and colour eq 'red'");

        assertThat(e.getMessage()).startsWith("$filter: unknown property 'colour' on 'assignments' (filterable: id, state, status,")
                .endsWith(") at position 25");
        assertThat(e.token()).contains("colour");
    }

    @Test
    void unknownNavigationPath() {
        assertThat(reject(GraphModels.ASSIGNMENTS, "target/mail eq 'x'").getMessage())
                .startsWith("$filter: unknown property 'target/mail' on 'assignments'");
    }

    @Test
    void selectOnlyPropertyIsNotFilterable() {
        assertThat(reject(GraphModels.ASSIGNMENTS, "schedule eq 'x'").getMessage())
                .isEqualTo("$filter: property 'schedule' of 'assignments' cannot be used in $filter at position 0");
    }

    @Test
    void unknownFunctionIsNamedWithTheSupportedList() {
        assertThat(reject(ALL_TYPES, "length(name) eq 3").getMessage())
                .isEqualTo("$filter: function 'length' is not supported (supported: contains, endswith, startswith, tolower, toupper) at position 0");
        assertThat(reject(ALL_TYPES, "name eq 'a' or substringof('a',name)").token()).contains("substringof");
    }

    @Test
    void wrongArgumentCount() {
        assertThat(reject(ALL_TYPES, "contains(name)").getMessage())
                .isEqualTo("$filter: function 'contains' takes 2 arguments but got 1 at position 0");
        assertThat(reject(ALL_TYPES, "tolower(name,'x') eq 'a'").getMessage())
                .isEqualTo("$filter: function 'tolower' takes 1 argument but got 2 at position 0");
    }

    @Test
    void likeFunctionNeedsStringPropertyAndStringLiteral() {
        assertThat(reject(ALL_TYPES, "contains(size,'1')").getMessage())
                .isEqualTo("$filter: function 'contains' needs a string property as its first argument, but property 'size' is integer at position 0");
        assertThat(reject(ALL_TYPES, "contains(name,otherName)").getMessage())
                .isEqualTo("$filter: function 'contains' needs a string literal as its second argument, not 'otherName' at position 14");
        assertThat(reject(ALL_TYPES, "startswith('abc',name)").getMessage())
                .isEqualTo("$filter: expected a property but found string literal ''abc'' at position 11");
        assertThat(reject(ALL_TYPES, "contains(state,'del')").getMessage())
                .contains("property 'state' is enum");
    }

    @Test
    void caseFunctionNeedsAString() {
        assertThat(reject(ALL_TYPES, "tolower(id) eq 'a'").getMessage())
                .isEqualTo("$filter: function 'tolower' needs a string argument, but property 'id' is GUID at position 0");
    }

    @Test
    void literalOfTheWrongType() {
        assertThat(reject(ALL_TYPES, "name eq 5").getMessage())
                .isEqualTo("$filter: property 'name' is a string and cannot be compared with integer literal 5 at position 8");
        assertThat(reject(ALL_TYPES, "size eq 'five'").getMessage())
                .isEqualTo("$filter: property 'size' is an integer and cannot be compared with string literal 'five' at position 8");
        assertThat(reject(ALL_TYPES, "enabled eq 'true'").getMessage())
                .isEqualTo("$filter: property 'enabled' is a boolean and cannot be compared with string literal 'true' at position 11");
        assertThat(reject(ALL_TYPES, "createdDateTime gt 5").token()).contains("5");
        assertThat(reject(ALL_TYPES, "name eq 4e6c0b1f-5d3a-4c2e-8f9b-7a6d5c4b3a21").getMessage())
                .contains("cannot be compared with GUID literal");
        assertThat(reject(ALL_TYPES, "state eq 1").getMessage())
                .isEqualTo("$filter: property 'state' is an enum and cannot be compared with integer literal 1 at position 9");
    }

    @Test
    void badGuidNamesTheProperty() {
        ODataQueryException e = reject(GraphModels.ASSIGNMENTS, "accessPackage/id eq 'not-a-guid'");

        assertThat(e.getMessage()).isEqualTo("$filter: property 'accessPackage/id' expects a GUID, but got 'not-a-guid' at position 20");
        assertThat(e.token()).contains("'not-a-guid'");
    }

    @Test
    void guidWithBracesOrMissingDashesIsRejected() {
        assertThat(reject(ALL_TYPES, "id eq '{ec09e90e-e021-4599-a8c3-bce77f4d5f3e}'").getMessage()).contains("expects a GUID");
        assertThat(reject(ALL_TYPES, "id eq 'ec09e90ee0214599a8c3bce77f4d5f3e'").getMessage()).contains("expects a GUID");
        assertThat(reject(ALL_TYPES, "id eq '1-1-1-1-1'").getMessage()).contains("expects a GUID");
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        assertThat(reject(ALL_TYPES, "state eq 'Shipped'").getMessage())
                .isEqualTo("$filter: 'Shipped' is not a valid value for enum property 'state' "
                        + "(allowed: delivering, partiallyDelivered, delivered, expired, deliveryFailed) at position 9");
        assertThat(reject(ALL_TYPES, "state in ('delivered','nope')").token()).contains("'nope'");
    }

    @Test
    void badQuotedDatetimeNamesTheProperty() {
        assertThat(reject(ALL_TYPES, "createdDateTime gt 'yesterday'").getMessage())
                .isEqualTo("$filter: property 'createdDateTime' expects a datetime like 2024-01-01T00:00:00Z, but got 'yesterday' at position 19");
    }

    @Test
    void malformedUnquotedLiterals() {
        assertThat(reject(ALL_TYPES, "createdDateTime gt 2024-13-01T00:00:00Z").getMessage())
                .isEqualTo("$filter: invalid datetime literal '2024-13-01T00:00:00Z' at position 19");
        assertThat(reject(ALL_TYPES, "createdDateTime gt 2024-01-01").getMessage())
                .startsWith("$filter: datetime literal '2024-01-01' needs a time and an offset");
        assertThat(reject(ALL_TYPES, "createdDateTime gt 2024-01-01T10:00:00 02:00").getMessage())
                .contains("percent-encode '+' as %2B");
        assertThat(reject(ALL_TYPES, "size eq 12abc").getMessage())
                .isEqualTo("$filter: malformed literal '12abc' at position 8");
        assertThat(reject(ALL_TYPES, "size eq 99999999999999999999").getMessage())
                .isEqualTo("$filter: integer literal '99999999999999999999' is out of range at position 8");
    }

    @Test
    void unterminatedString() {
        assertThat(reject(ALL_TYPES, "name eq 'abc").getMessage())
                .isEqualTo("$filter: unterminated string literal ''abc' at position 8");
        assertThat(reject(ALL_TYPES, "name eq 'it''s").getMessage()).startsWith("$filter: unterminated string literal");
    }

    @Test
    void unbalancedParentheses() {
        assertThat(reject(ALL_TYPES, "(name eq 'a'").getMessage())
                .isEqualTo("$filter: missing ')' for the '(' at position 0; reached end of expression at position 12");
        assertThat(reject(ALL_TYPES, "name eq 'a')").getMessage())
                .isEqualTo("$filter: unexpected token ')' at position 11");
        assertThat(reject(ALL_TYPES, "((name eq 'a') or size eq 1").getMessage())
                .startsWith("$filter: missing ')' for the '(' at position 0");
        assertThat(reject(ALL_TYPES, "contains(name,'a'").getMessage())
                .startsWith("$filter: missing ')' for the '(' at position 8");
        assertThat(reject(ALL_TYPES, "(name eq 'a' size eq 1)").getMessage())
                .isEqualTo("$filter: expected ')' for the '(' at position 0 but found token 'size' at position 13");
    }

    @Test
    void trailingGarbage() {
        assertThat(reject(ALL_TYPES, "name eq 'a' extra").getMessage())
                .isEqualTo("$filter: unexpected token 'extra' at position 12");
        assertThat(reject(ALL_TYPES, "name eq 'a' 'b'").getMessage())
                .isEqualTo("$filter: unexpected token ''b'' at position 12");
        assertThat(reject(ALL_TYPES, "name eq 'a';").getMessage())
                .isEqualTo("$filter: unexpected character ';' at position 11");
    }

    @Test
    void incompleteExpressions() {
        assertThat(reject(ALL_TYPES, "name eq").getMessage())
                .isEqualTo("$filter: unexpected end of expression at position 7");
        assertThat(reject(ALL_TYPES, "name eq 'a' and").getMessage())
                .isEqualTo("$filter: unexpected end of expression at position 15");
        assertThat(reject(ALL_TYPES, "not").getMessage())
                .isEqualTo("$filter: unexpected end of expression at position 3");
        assertThat(reject(ALL_TYPES, "and name eq 'a'").getMessage())
                .isEqualTo("$filter: unexpected token 'and' at position 0");
        assertThat(reject(ALL_TYPES, "name eq eq 'a'").getMessage())
                .isEqualTo("$filter: unexpected token 'eq' at position 8");
        assertThat(reject(ALL_TYPES, "owner/ eq 'a'").getMessage())
                .isEqualTo("$filter: unexpected token 'eq' at position 7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyFilter(String filter) {
        assertThat(reject(ALL_TYPES, filter).getMessage()).isEqualTo("$filter: the expression is empty");
    }

    @Test
    void lambdaOperators() {
        assertThat(reject(ALL_TYPES, "name/any(x:x eq 'a')").getMessage())
                .isEqualTo("$filter: lambda operator 'any' is not supported at position 5");
        assertThat(reject(ALL_TYPES, "name/ALL(x:x eq 'a')").getMessage())
                .isEqualTo("$filter: lambda operator 'ALL' is not supported at position 5");
    }

    @Test
    void arithmeticAndHasOperatorsAreNotSupported() {
        assertThat(reject(ALL_TYPES, "size add 1 eq 2").getMessage())
                .isEqualTo("$filter: operator 'add' is not supported at position 5");
        assertThat(reject(ALL_TYPES, "state has 'delivered'").getMessage())
                .isEqualTo("$filter: operator 'has' is not supported at position 6");
        assertThat(reject(ALL_TYPES, "size eq 1 mod 2").getMessage())
                .isEqualTo("$filter: operator 'mod' is not supported at position 10");
    }

    @Test
    void orderingOperatorsOnEnumAndBoolean() {
        assertThat(reject(ALL_TYPES, "state gt 'delivered'").getMessage())
                .isEqualTo("$filter: operator 'gt' is not supported for enum property 'state' at position 6");
        assertThat(reject(ALL_TYPES, "enabled lt true").getMessage())
                .isEqualTo("$filter: operator 'lt' is not supported for boolean property 'enabled' at position 8");
    }

    @Test
    void nullOnlyWithEqualityAndNotInLists() {
        assertThat(reject(ALL_TYPES, "size gt null").getMessage())
                .isEqualTo("$filter: null can only be compared with 'eq' or 'ne', not 'gt' at position 8");
        assertThat(reject(ALL_TYPES, "name in ('a', null)").getMessage())
                .isEqualTo("$filter: null is not allowed in an 'in' list; use 'eq null' at position 14");
    }

    @Test
    void inListAcceptsOnlyLiterals() {
        assertThat(reject(ALL_TYPES, "name in (otherName)").getMessage())
                .isEqualTo("$filter: 'in' accepts only literals, not 'otherName' at position 9");
        assertThat(reject(ALL_TYPES, "name in 'a'").getMessage())
                .isEqualTo("$filter: expected '(' but found token ''a'' at position 8");
    }

    @Test
    void nonConditionsAtTheTop() {
        assertThat(reject(ALL_TYPES, "name").getMessage())
                .isEqualTo("$filter: 'name' is not a condition (expected a comparison or a boolean function) at position 0");
        assertThat(reject(ALL_TYPES, "'abc'").getMessage()).contains("is not a condition");
        assertThat(reject(ALL_TYPES, "name eq 'a' and tolower(name)").getMessage())
                .isEqualTo("$filter: 'tolower(...)' is not a condition (expected a comparison or a boolean function) at position 16");
    }

    @Test
    void literalVersusLiteralAndMismatchedProperties() {
        assertThat(reject(ALL_TYPES, "1 eq 1").getMessage())
                .isEqualTo("$filter: comparison of two literals; one side must be a property at position 0");
        assertThat(reject(ALL_TYPES, "name eq size").getMessage())
                .isEqualTo("$filter: cannot compare property 'name' (string) with property 'size' (integer) at position 5");
        assertThat(reject(ALL_TYPES, "state eq otherState").getMessage())
                .contains("cannot compare property 'state' (enum) with property 'otherState' (enum)");
    }

    @Test
    void unsupportedSyntaxCharacters() {
        assertThat(reject(ALL_TYPES, "name eq \"a\"").getMessage())
                .isEqualTo("$filter: unexpected character '\"' at position 8");
        assertThat(reject(ALL_TYPES, "$it/name eq 'a'").getMessage())
                .isEqualTo("$filter: unexpected character '$' at position 0");
        assertThat(reject(ALL_TYPES, "microsoft.graph.thing/name eq 'a'").getMessage())
                .startsWith("$filter: unknown property 'microsoft.graph.thing/name'");
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackRunsOut() {
        String deep = "(".repeat(5_000) + "name eq 'a'" + ")".repeat(5_000);
        assertThat(reject(ALL_TYPES, deep).getMessage()).startsWith("$filter: the expression nests deeper than 64 levels");
        assertThat(reject(ALL_TYPES, "not ".repeat(5_000) + "enabled").getMessage()).contains("nests deeper than 64 levels");
        String allowed = "(".repeat(40) + "name eq 'a'" + ")".repeat(40);
        assertThat(filter(ALL_TYPES, allowed).sql()).isEqualTo("name = :f0");
    }

    @Test
    void longTokensAreTruncatedInMessages() {
        String longName = "x".repeat(500);
        ODataQueryException e = reject(ALL_TYPES, longName + " eq 'a'");

        assertThat(e.getMessage()).hasSizeLessThan(400).contains("'" + "x".repeat(80) + "...'");
        assertThat(e.token()).contains(longName);
    }

    static ODataQueryException reject(QueryModel model, String filter) {
        AbstractThrowableAssert<?, ? extends Throwable> thrown =
                assertThatThrownBy(() -> filter(model, filter)).isInstanceOf(ODataQueryException.class);
        ODataQueryException e = (ODataQueryException) thrown.actual();
        assertThat(e.clause()).isEqualTo("$filter");
        return e;
    }
}
