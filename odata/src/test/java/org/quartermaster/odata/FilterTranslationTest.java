package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.odata.GraphModels.ALL_TYPES;
import static org.quartermaster.odata.GraphModels.filter;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each supported $filter construct becomes SQL and which Java values get bound. */
class FilterTranslationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "size eq 5 | size = :f0",
            "size ne 5 | size IS DISTINCT FROM :f0",
            "size gt 5 | size > :f0",
            "size ge 5 | size >= :f0",
            "size lt 5 | size < :f0",
            "size le 5 | size <= :f0",
    })
    void comparisonOperators(String filter, String sql) {
        SqlFragment where = filter(ALL_TYPES, filter);

        assertThat(where.sql()).isEqualTo(sql);
        assertThat(where.parameters()).containsExactly(Map.entry("f0", 5L));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "5 lt size | size > :f0",
            "5 le size | size >= :f0",
            "5 gt size | size < :f0",
            "5 ge size | size <= :f0",
            "5 eq size | size = :f0",
    })
    void literalOnTheLeftIsMirrored(String filter, String sql) {
        assertThat(filter(ALL_TYPES, filter).sql()).isEqualTo(sql);
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        SqlFragment where = filter(ALL_TYPES, "not name eq 'a' and size eq 1 or enabled eq true");

        assertThat(where.sql()).isEqualTo("(((name = :f0) IS NOT TRUE AND size = :f1) OR enabled = :f2)");
        assertThat(where.parameters()).containsExactly(Map.entry("f0", "a"), Map.entry("f1", 1L), Map.entry("f2", true));
    }

    @Test
    void andBindsTighterThanOrOnBothSides() {
        assertThat(filter(ALL_TYPES, "size eq 1 or size eq 2 and name eq 'x' or size eq 3").sql())
                .isEqualTo("(size = :f0 OR (size = :f1 AND name = :f2) OR size = :f3)");
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(filter(ALL_TYPES, "(size eq 1 or size eq 2) and name eq 'x'").sql())
                .isEqualTo("((size = :f0 OR size = :f1) AND name = :f2)");
    }

    @Test
    void notAppliesToAParenthesisedGroupAndNests() {
        assertThat(filter(ALL_TYPES, "not (size eq 1 or size eq 2)").sql())
                .isEqualTo("((size = :f0 OR size = :f1)) IS NOT TRUE");
        assertThat(filter(ALL_TYPES, "not not enabled").sql())
                .isEqualTo("((enabled = TRUE) IS NOT TRUE) IS NOT TRUE");
    }

    @Test
    void notWithFunctionCallSyntax() {
        assertThat(filter(ALL_TYPES, "not(startswith(name,'x'))").sql())
                .isEqualTo("(name LIKE :f0 ESCAPE '\\') IS NOT TRUE");
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(filter(ALL_TYPES, "NOT size EQ 1 AND name Eq 'x' OR enabled eq TRUE").sql())
                .isEqualTo("(((size = :f0) IS NOT TRUE AND name = :f1) OR enabled = :f2)");
    }

    @Test
    void propertyNamesAreCaseInsensitive() {
        assertThat(filter(ALL_TYPES, "NAME eq 'x' and OWNER/ID eq 4e6c0b1f-5d3a-4c2e-8f9b-7a6d5c4b3a21").sql())
                .isEqualTo("(name = :f0 AND owner_id = :f1)");
    }

    @Test
    void nullComparisonsBecomeIsNull() {
        assertThat(filter(ALL_TYPES, "name eq null").sql()).isEqualTo("name IS NULL");
        assertThat(filter(ALL_TYPES, "name ne null").sql()).isEqualTo("name IS NOT NULL");
        assertThat(filter(ALL_TYPES, "null eq createdDateTime").sql()).isEqualTo("created_at IS NULL");
        assertThat(filter(ALL_TYPES, "name eq null").parameters()).isEmpty();
    }

    @Test
    void stringLiteralDoubledQuoteIsUnescaped() {
        assertThat(filter(ALL_TYPES, "name eq 'O''Neil'").parameters()).containsExactly(Map.entry("f0", "O'Neil"));
        assertThat(filter(ALL_TYPES, "name eq ''").parameters()).containsExactly(Map.entry("f0", ""));
    }

    @Test
    void integerAndDecimalLiterals() {
        assertThat(filter(ALL_TYPES, "size eq -42").parameters()).containsExactly(Map.entry("f0", -42L));
        assertThat(filter(ALL_TYPES, "size lt 2.5").parameters()).containsExactly(Map.entry("f0", new BigDecimal("2.5")));
        assertThat(filter(ALL_TYPES, "size lt 1e3").parameters()).containsExactly(Map.entry("f0", new BigDecimal("1e3")));
    }

    @Test
    void booleanLiteralsAndBareBooleanProperty() {
        assertThat(filter(ALL_TYPES, "enabled eq false").parameters()).containsExactly(Map.entry("f0", false));
        assertThat(filter(ALL_TYPES, "enabled").sql()).isEqualTo("enabled = TRUE");
        assertThat(filter(ALL_TYPES, "true").sql()).isEqualTo(":f0");
        assertThat(filter(ALL_TYPES, "true").parameters()).containsExactly(Map.entry("f0", true));
    }

    @Test
    void datetimeLiteralsKeepTheirOffset() {
        assertThat(filter(ALL_TYPES, "createdDateTime ge 2024-01-01T00:00:00Z").parameters())
                .containsExactly(Map.entry("f0", OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertThat(filter(ALL_TYPES, "createdDateTime lt 2024-06-30T12:30:15.123+02:00").parameters())
                .containsExactly(Map.entry("f0", OffsetDateTime.parse("2024-06-30T12:30:15.123+02:00")));
        assertThat(filter(ALL_TYPES, "createdDateTime lt 2024-06-30T12:30Z").parameters())
                .containsExactly(Map.entry("f0", OffsetDateTime.parse("2024-06-30T12:30Z")));
    }

    @Test
    void quotedDatetimeIsAcceptedForDatetimeProperty() {
        assertThat(filter(ALL_TYPES, "createdDateTime ge '2024-01-01T00:00:00Z'").parameters())
                .containsExactly(Map.entry("f0", OffsetDateTime.parse("2024-01-01T00:00:00Z")));
    }

    @Test
    void guidLiteralsQuotedUnquotedAndStartingWithALetter() {
        UUID id = UUID.fromString("ec09e90e-e021-4599-a8c3-bce77f4d5f3e");

        assertThat(filter(ALL_TYPES, "id eq ec09e90e-e021-4599-a8c3-bce77f4d5f3e").parameters()).containsExactly(Map.entry("f0", id));
        assertThat(filter(ALL_TYPES, "id eq 'EC09E90E-E021-4599-A8C3-BCE77F4D5F3E'").parameters()).containsExactly(Map.entry("f0", id));
        assertThat(filter(ALL_TYPES, "id eq 0c09e90e-e021-4599-a8c3-bce77f4d5f3e").parameters())
                .containsExactly(Map.entry("f0", UUID.fromString("0c09e90e-e021-4599-a8c3-bce77f4d5f3e")));
    }

    @Test
    void enumLiteralsAreMatchedCaseInsensitivelyAndBoundCanonical() {
        assertThat(filter(ALL_TYPES, "state eq 'Delivered'").parameters()).containsExactly(Map.entry("f0", "delivered"));
        assertThat(filter(ALL_TYPES, "state eq 'PARTIALLYDELIVERED'").parameters()).containsExactly(Map.entry("f0", "partiallyDelivered"));
        assertThat(filter(ALL_TYPES, "state ne 'deliveryfailed'").parameters()).containsExactly(Map.entry("f0", "deliveryFailed"));
    }

    @Test
    void inListBindsEachValueWithTheOperandsType() {
        SqlFragment where = filter(ALL_TYPES, "state in ('Delivered', 'expired') and size in (1, 2)");

        assertThat(where.sql()).isEqualTo("(state IN (:f0, :f1) AND size IN (:f2, :f3))");
        assertThat(where.parameters()).containsExactly(Map.entry("f0", "delivered"), Map.entry("f1", "expired"),
                Map.entry("f2", 1L), Map.entry("f3", 2L));
    }

    @Test
    void likeFunctions() {
        assertThat(filter(ALL_TYPES, "startswith(name,'ab')").sql()).isEqualTo("name LIKE :f0 ESCAPE '\\'");
        assertThat(filter(ALL_TYPES, "startswith(name,'ab')").parameters()).containsExactly(Map.entry("f0", "ab%"));
        assertThat(filter(ALL_TYPES, "endswith(name,'ab')").parameters()).containsExactly(Map.entry("f0", "%ab"));
        assertThat(filter(ALL_TYPES, "contains(name,'ab')").parameters()).containsExactly(Map.entry("f0", "%ab%"));
    }

    @Test
    void likeEscapesWildcardsAndBackslash() {
        SqlFragment where = filter(ALL_TYPES, "contains(name,'50%_off\\now')");

        assertThat(where.parameters()).containsExactly(Map.entry("f0", "%50\\%\\_off\\\\now%"));
    }

    @Test
    void caseFunctionsWrapTheColumnAndNest() {
        assertThat(filter(ALL_TYPES, "tolower(name) eq 'x'").sql()).isEqualTo("LOWER(name) = :f0");
        assertThat(filter(ALL_TYPES, "toupper(name) eq 'X'").sql()).isEqualTo("UPPER(name) = :f0");
        assertThat(filter(ALL_TYPES, "startswith(toupper(tolower(name)),'X')").sql())
                .isEqualTo("UPPER(LOWER(name)) LIKE :f0 ESCAPE '\\'");
        assertThat(filter(ALL_TYPES, "ToLower(name) eq 'x'").sql()).isEqualTo("LOWER(name) = :f0");
    }

    @Test
    void propertyToPropertyComparisonOfTheSameType() {
        assertThat(filter(ALL_TYPES, "size lt otherSize").sql()).isEqualTo("size < other_size");
        assertThat(filter(ALL_TYPES, "tolower(name) eq tolower(otherName)").sql()).isEqualTo("LOWER(name) = LOWER(other_name)");
        assertThat(filter(ALL_TYPES, "size lt otherSize").parameters()).isEmpty();
    }

    @Test
    void booleanFunctionComparedWithBooleanLiteral() {
        assertThat(filter(ALL_TYPES, "contains(name,'a') eq false").sql())
                .isEqualTo("(name LIKE :f0 ESCAPE '\\') = :f1");
    }

    @Test
    void parameterNamesAreUniqueAndInReadingOrder() {
        SqlFragment where = filter(ALL_TYPES, "name eq 'a' or name eq 'b' or (size gt 1 and contains(otherName,'c'))");

        assertThat(where.parameters().keySet()).containsExactly("f0", "f1", "f2", "f3");
        assertThat(where.sql()).contains(":f0", ":f1", ":f2", ":f3");
    }

    @Test
    void whitespaceIsFlexible() {
        assertThat(filter(ALL_TYPES, "  ( name   eq\t'a' )  ").sql()).isEqualTo("name = :f0");
        assertThat(filter(ALL_TYPES, "contains( name , 'a' )").sql()).isEqualTo("name LIKE :f0 ESCAPE '\\'");
    }

    @Test
    void redundantParenthesesAreHarmless() {
        assertThat(filter(ALL_TYPES, "(((name eq 'a')))").sql()).isEqualTo("name = :f0");
    }
}
