package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quartermaster.odata.FilterToken.Kind;

class FilterLexerTest {

    @Test
    void splitsAnExpressionIntoTypedTokensWithPositions() {
        List<FilterToken> tokens = FilterLexer.tokenize("contains(tolower(displayName),'staff')");

        assertThat(tokens).extracting(FilterToken::kind).containsExactly(Kind.IDENTIFIER, Kind.OPEN, Kind.IDENTIFIER,
                Kind.OPEN, Kind.IDENTIFIER, Kind.CLOSE, Kind.COMMA, Kind.STRING, Kind.CLOSE, Kind.END);
        assertThat(tokens).extracting(FilterToken::position).containsExactly(0, 8, 9, 16, 17, 28, 29, 30, 37, 38);
        assertThat(tokens.get(7).value()).isEqualTo("staff");
    }

    @Test
    void recognisesUnquotedLiterals() {
        List<FilterToken> tokens = FilterLexer.tokenize(
                "ec09e90e-e021-4599-a8c3-bce77f4d5f3e 2024-01-01T00:00:00Z 42 -7 3.25 1E2");

        assertThat(tokens).extracting(FilterToken::kind)
                .containsExactly(Kind.GUID, Kind.DATETIME, Kind.INTEGER, Kind.INTEGER, Kind.DECIMAL, Kind.DECIMAL, Kind.END);
        assertThat(tokens).extracting(FilterToken::value).containsExactly(
                UUID.fromString("ec09e90e-e021-4599-a8c3-bce77f4d5f3e"), OffsetDateTime.parse("2024-01-01T00:00:00Z"),
                42L, -7L, new BigDecimal("3.25"), new BigDecimal("1E2"), null);
    }

    @Test
    void hexWordThatIsNotAGuidIsAnIdentifier() {
        assertThat(FilterLexer.tokenize("deadbeef")).first().extracting(FilterToken::kind).isEqualTo(Kind.IDENTIFIER);
        assertThat(FilterLexer.tokenize("abcdef01-abcd-abcd-abcd-abcdef012345")).first()
                .extracting(FilterToken::kind).isEqualTo(Kind.GUID);
    }

    @Test
    void stringTokensKeepRawTextAndDecodedValue() {
        FilterToken token = FilterLexer.tokenize("'it''s'").get(0);

        assertThat(token.text()).isEqualTo("'it''s'");
        assertThat(token.value()).isEqualTo("it's");
    }

    @Test
    void slashAndColonAreTokensSoLambdasReachTheParser() {
        assertThat(FilterLexer.tokenize("a/any(x:x)")).extracting(FilterToken::kind).containsExactly(Kind.IDENTIFIER,
                Kind.SLASH, Kind.IDENTIFIER, Kind.OPEN, Kind.IDENTIFIER, Kind.COLON, Kind.IDENTIFIER, Kind.CLOSE, Kind.END);
    }
}
