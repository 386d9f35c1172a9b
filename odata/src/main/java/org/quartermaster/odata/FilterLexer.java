package org.quartermaster.odata;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.quartermaster.odata.FilterToken.Kind;

/**
 * Splits a {@code $filter} value into tokens. Literals that OData writes unquoted (GUIDs, datetimes, numbers)
 * are recognised here so the parser only sees typed tokens.
 */
final class FilterLexer {

    static final String CLAUSE = "$filter";

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATETIME_WITHOUT_OFFSET = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String text;
    private FilterToken current;
    private int pos;

    FilterLexer(String text) {
        this.text = text;
    }

    /** Tokenises the whole value; the parser instead pulls tokens lazily so errors come in reading order. */
    static List<FilterToken> tokenize(String text) {
        FilterLexer lexer = new FilterLexer(text);
        List<FilterToken> tokens = new ArrayList<>();
        FilterToken token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (!token.is(Kind.END));
        return tokens;
    }

    /** The next token; END repeats once the input is exhausted. */
    FilterToken next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return new FilterToken(Kind.END, "", text.length(), null);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> single(Kind.OPEN);
            case ')' -> single(Kind.CLOSE);
            case ',' -> single(Kind.COMMA);
            case '/' -> single(Kind.SLASH);
            case ':' -> single(Kind.COLON);
            case '\'' -> string();
            default -> {
                if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
                    numericLike();
                } else if (isIdentifierStart(c)) {
                    identifierOrGuid();
                } else {
                    throw error("unexpected character " + ODataQueryException.quote(String.valueOf(c)),
                            String.valueOf(c), pos);
                }
            }
        }
        return current;
    }

    private void single(Kind kind) {
        emit(new FilterToken(kind, String.valueOf(text.charAt(pos)), pos, null));
        pos++;
    }

    /** OData strings are single-quoted; a quote inside is written twice ({@code 'O''Neil'}). */
    private void string() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string literal " + ODataQueryException.quote(text.substring(start)),
                        text.substring(start), start);
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                    value.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            value.append(c);
            pos++;
        }
        emit(new FilterToken(Kind.STRING, text.substring(start, pos), start, value.toString()));
    }

    /** Numbers, GUIDs starting with a digit, and datetimes all start with a digit; read the whole chunk, then classify it. */
    private void numericLike() {
        int start = pos;
        pos++;
        while (pos < text.length() && isLiteralChunkChar(text.charAt(pos))) {
            pos++;
        }
        String chunk = text.substring(start, pos);
        if (GUID.matcher(chunk).matches()) {
            emit(new FilterToken(Kind.GUID, chunk, start, UUID.fromString(chunk)));
        } else if (DATETIME.matcher(chunk).matches()) {
            emit(new FilterToken(Kind.DATETIME, chunk, start, parseDateTime(chunk, start)));
        } else if (DATETIME_WITHOUT_OFFSET.matcher(chunk).matches()) {
            // A '+' offset that was not percent-encoded arrives as a space, which leaves exactly this shape.
            throw error("datetime literal " + ODataQueryException.quote(chunk)
                    + " needs a time and an offset, like 2024-01-01T00:00:00Z (percent-encode '+' as %2B)", chunk, start);
        } else if (INTEGER.matcher(chunk).matches()) {
            emit(new FilterToken(Kind.INTEGER, chunk, start, parseLong(chunk, start)));
        } else if (DECIMAL.matcher(chunk).matches()) {
            emit(new FilterToken(Kind.DECIMAL, chunk, start, new BigDecimal(chunk)));
        } else {
            throw error("malformed literal " + ODataQueryException.quote(chunk), chunk, start);
        }
    }

    private void identifierOrGuid() {
        int start = pos;
        // GUIDs may start with a hex letter, so try them before reading an identifier.
        var guid = GUID.matcher(text).region(start, text.length());
        if (guid.lookingAt() && (guid.end() == text.length() || !isLiteralChunkChar(text.charAt(guid.end())))) {
            pos = guid.end();
            String chunk = text.substring(start, pos);
            emit(new FilterToken(Kind.GUID, chunk, start, UUID.fromString(chunk)));
            return;
        }
        pos++;
        // '.' allows namespace-qualified names (microsoft.graph.group) to be read, and then rejected by name.
        while (pos < text.length() && (isIdentifierPart(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        emit(new FilterToken(Kind.IDENTIFIER, text.substring(start, pos), start, null));
    }

    private void emit(FilterToken token) {
        current = token;
    }

    private OffsetDateTime parseDateTime(String chunk, int start) {
        try {
            return OffsetDateTime.parse(chunk, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw error("invalid datetime literal " + ODataQueryException.quote(chunk), chunk, start);
        }
    }

    private Long parseLong(String chunk, int start) {
        try {
            return Long.parseLong(chunk);
        } catch (NumberFormatException e) {
            throw error("integer literal " + ODataQueryException.quote(chunk) + " is out of range", chunk, start);
        }
    }

    private static ODataQueryException error(String detail, String token, int position) {
        return new ODataQueryException(CLAUSE, detail, token, position);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    /** Characters that can continue a number, GUID or datetime; anything else ends the literal. */
    private static boolean isLiteralChunkChar(char c) {
        return isIdentifierPart(c) || c == '-' || c == '+' || c == ':' || c == '.';
    }
}
