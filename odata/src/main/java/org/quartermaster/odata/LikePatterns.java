package org.quartermaster.odata;

/**
 * Builds LIKE patterns from user text. Every LIKE we emit says {@code ESCAPE '\'}, so backslash, percent and
 * underscore in the user's text are escaped with a backslash and match literally.
 */
final class LikePatterns {

    /** Relies on standard_conforming_strings=on (PostgreSQL's default since 9.1), where '\' is one backslash. */
    static final String ESCAPE_CLAUSE = " ESCAPE '\\'";

    private LikePatterns() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    static String startsWith(String text) {
        return escape(text) + "%";
    }

    static String endsWith(String text) {
        return "%" + escape(text);
    }

    static String contains(String text) {
        return "%" + escape(text) + "%";
    }
}
