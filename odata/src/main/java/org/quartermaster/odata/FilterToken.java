package org.quartermaster.odata;

/**
 * One lexical token of a {@code $filter} expression. {@code value} holds the decoded literal
 * (String, Long, BigDecimal, UUID or OffsetDateTime) for literal kinds and is null otherwise.
 */
record FilterToken(Kind kind, String text, int position, Object value) {

    enum Kind { IDENTIFIER, STRING, INTEGER, DECIMAL, GUID, DATETIME, OPEN, CLOSE, COMMA, SLASH, COLON, END }

    boolean is(Kind expected) {
        return kind == expected;
    }

    /** Keywords (and, or, not, eq, true, null, ...) are accepted in any case, as Graph accepts {@code NOT}. */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** How the token is shown in messages. */
    String describe() {
        return kind == Kind.END ? "end of expression" : "token " + ODataQueryException.quote(text);
    }
}
