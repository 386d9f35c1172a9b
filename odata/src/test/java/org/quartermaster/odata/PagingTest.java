package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quartermaster.odata.GraphModels.query;
import static org.quartermaster.odata.SelectAndExpandTest.expectError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {

    @Test
    void topDefaultsToTheCallersPageSize() {
        assertThat(ODataQueryParser.parse(Map.of(), GraphModels.CATALOGS, 25).top()).isEqualTo(25);
        assertThat(query(GraphModels.CATALOGS, "$top", "7").top()).isEqualTo(7);
    }

    @Test
    void topBoundsAreInclusive() {
        assertThat(query(GraphModels.CATALOGS, "$top", "1").top()).isEqualTo(1);
        assertThat(query(GraphModels.CATALOGS, "$top", "999").top()).isEqualTo(999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1000", "-1", "ten", "1.5", "", "+5", "99999999999999999999"})
    void badTopIsRejected(String top) {
        ODataQueryException e = expectError("$top", () -> query(GraphModels.CATALOGS, "$top", top));

        assertThat(e.getMessage()).startsWith("$top: ").contains("between 1 and 999");
        assertThat(e.token()).contains(top);
    }

    @Test
    void invalidDefaultPageSizeIsAProgrammingError() {
        assertThatThrownBy(() -> ODataQueryParser.parse(Map.of(), GraphModels.CATALOGS, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ODataQueryParser.parse(Map.of(), GraphModels.CATALOGS, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstPageStartsAtZeroAndFetchesOneExtraRow() {
        CollectionQuery query = query(GraphModels.CATALOGS, "$top", "10");

        assertThat(query.skip()).isZero();
        assertThat(query.fetchLimit()).isEqualTo(11);
    }

    @Test
    void skipTokenRoundTripsThroughThreePages() {
        String[] parameters = {"$filter", "contains(tolower(displayName),'staff')", "$orderby", "displayName desc", "$top", "20"};
        CollectionQuery first = query(GraphModels.CATALOGS, parameters);

        CollectionQuery second = query(GraphModels.CATALOGS, with(parameters, "$skiptoken", first.nextSkipToken()));
        CollectionQuery third = query(GraphModels.CATALOGS, with(parameters, "$skiptoken", second.nextSkipToken()));

        assertThat(second.skip()).isEqualTo(20);
        assertThat(third.skip()).isEqualTo(40);
        assertThat(third.where()).isEqualTo(first.where());
        assertThat(third.orderByClause()).isEqualTo(first.orderByClause());
    }

    @Test
    void pageSizeMayChangeBetweenPages() {
        CollectionQuery first = query(GraphModels.CATALOGS, "$top", "5");

        CollectionQuery second = query(GraphModels.CATALOGS, "$top", "50", "$skiptoken", first.nextSkipToken());

        assertThat(second.skip()).isEqualTo(5);
        assertThat(second.top()).isEqualTo(50);
    }

    @Test
    void tokenIsUrlSafeAndDocumentedShape() {
        String token = query(GraphModels.CATALOGS, "$top", "10").nextSkipToken();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        String payload = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        assertThat(payload).matches("o1:10:[0-9a-f]{16}");
    }

    @Test
    void tokenFromADifferentFilterIsRejected() {
        String token = query(GraphModels.CATALOGS, "$filter", "displayName eq 'a'").nextSkipToken();

        ODataQueryException e = expectError("$skiptoken",
                () -> query(GraphModels.CATALOGS, "$filter", "displayName eq 'b'", "$skiptoken", token));
        assertThat(e.getMessage()).isEqualTo("$skiptoken: the token was issued for a different $filter or $orderby; restart from the first page");
        expectError("$skiptoken", () -> query(GraphModels.CATALOGS, "$orderby", "displayName", "$skiptoken", token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "bzE6MTA", "eDE6MTA6MDAwMDAwMDAwMDAwMDAwMA", "bzE6LTE6MDAwMDAwMDAwMDAwMDAwMA"})
    void malformedTokensAreRejected(String token) {
        ODataQueryException e = expectError("$skiptoken", () -> query(GraphModels.CATALOGS, "$skiptoken", token));

        assertThat(e.getMessage()).startsWith("$skiptoken: invalid token").endsWith("; use the value from @odata.nextLink unchanged");
    }

    @Test
    void hugeTokenIsRejectedWithoutDecoding() {
        ODataQueryException e = expectError("$skiptoken", () -> query(GraphModels.CATALOGS, "$skiptoken", "A".repeat(10_000)));

        assertThat(e.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void decodingChecksTheFingerprintAndReturnsTheOffset() {
        String fingerprint = SkipTokens.fingerprint("material");

        assertThat(SkipTokens.decode(SkipTokens.encode(123_456_789_012L, fingerprint), fingerprint)).isEqualTo(123_456_789_012L);
        assertThat(fingerprint).hasSize(16).isEqualTo(SkipTokens.fingerprint("material"))
                .isNotEqualTo(SkipTokens.fingerprint("other material"));
    }

    private static String[] with(String[] parameters, String name, String value) {
        String[] extended = java.util.Arrays.copyOf(parameters, parameters.length + 2);
        extended[parameters.length] = name;
        extended[parameters.length + 1] = value;
        return extended;
    }
}
