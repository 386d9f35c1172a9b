package org.quartermaster.odata;

import java.util.ArrayList;
import java.util.List;

/** Splits {@code $select} and {@code $orderby} values on commas while remembering where each item starts. */
final class CommaSeparated {

    /** One trimmed item and the offset of its first non-blank character. */
    record Item(String text, int position) { }

    private CommaSeparated() {
    }

    static List<Item> split(String clause, String value) {
        if (value.isBlank()) {
            throw new ODataQueryException(clause, "the value is empty");
        }
        List<Item> items = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String raw = value.substring(start, end);
            int leading = 0;
            while (leading < raw.length() && Character.isWhitespace(raw.charAt(leading))) {
                leading++;
            }
            String text = raw.trim();
            if (text.isEmpty()) {
                throw new ODataQueryException(clause, "empty item in the comma-separated list", "", start);
            }
            items.add(new Item(text, start + leading));
            if (comma < 0) {
                return items;
            }
            start = comma + 1;
        }
    }
}
