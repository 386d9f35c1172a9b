package org.quartermaster.odata;

import static org.quartermaster.odata.ODataQueryException.quote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses {@code $expand} into a tree, for example {@code resourceRoleScopes($expand=role,scope),catalog}.
 *
 * <pre>
 * list    := item ( ',' item )*
 * item    := name [ '(' option ( ';' option )* ')' ]
 * option  := '$expand' '=' list
 * </pre>
 *
 * Names are validated against the model's expandable paths ({@code resourceRoleScopes/role} for a nested
 * one). Other nested options ({@code $select}, {@code $filter}, ...) are rejected: the model does not describe
 * the expanded entity's properties, so they could not be validated.
 */
final class ExpandParser {

    static final String CLAUSE = "$expand";

    private final String text;
    private final QueryModel model;
    private int pos;

    private ExpandParser(String text, QueryModel model) {
        this.text = text;
        this.model = model;
    }

    static List<ExpandItem> parse(String value, QueryModel model) {
        if (value.isBlank()) {
            throw new ODataQueryException(CLAUSE, "the value is empty");
        }
        ExpandParser parser = new ExpandParser(value, model);
        List<ExpandItem> items = parser.list("");
        parser.skipWhitespace();
        if (parser.pos < value.length()) {
            throw parser.unexpected();
        }
        return items;
    }

    private List<ExpandItem> list(String parentPath) {
        List<ExpandItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            skipWhitespace();
            int start = pos;
            ExpandItem item = item(parentPath);
            if (!seen.add(item.name())) {
                throw new ODataQueryException(CLAUSE, quote(item.name()) + " is expanded more than once", item.name(), start);
            }
            items.add(item);
            skipWhitespace();
        } while (accept(','));
        return items;
    }

    private ExpandItem item(String parentPath) {
        int start = pos;
        if (peek() == '*') {
            throw new ODataQueryException(CLAUSE, "'*' is not supported; name the navigation properties to expand", "*", start);
        }
        String name = identifier();
        String path = parentPath.isEmpty() ? name : parentPath + "/" + name;
        String canonicalPath = model.expandablePath(path).orElseThrow(() -> unknown(name, parentPath, start));
        String canonicalName = canonicalPath.substring(canonicalPath.lastIndexOf('/') + 1);
        skipWhitespace();
        List<ExpandItem> nested = List.of();
        if (accept('(')) {
            int open = pos - 1;
            nested = nestedOptions(canonicalPath, open);
        }
        return new ExpandItem(canonicalName, nested);
    }

    private List<ExpandItem> nestedOptions(String path, int open) {
        List<ExpandItem> nested = null;
        do {
            skipWhitespace();
            int start = pos;
            if (!accept('$')) {
                throw unexpected();
            }
            String option = "$" + identifier();
            if (!option.toLowerCase(Locale.ROOT).equals("$expand")) {
                throw new ODataQueryException(CLAUSE, "nested option " + quote(option) + " is not supported (only $expand)",
                        option, start);
            }
            if (nested != null) {
                throw new ODataQueryException(CLAUSE, "nested $expand is given twice", option, start);
            }
            skipWhitespace();
            if (!accept('=')) {
                throw unexpected();
            }
            nested = list(path);
            skipWhitespace();
        } while (accept(';'));
        if (!accept(')')) {
            if (pos >= text.length()) {
                throw new ODataQueryException(CLAUSE, "missing ')' for the '(' at position " + open + "; reached end of value", ")", pos);
            }
            throw unexpected();
        }
        return nested;
    }

    private ODataQueryException unknown(String name, String parentPath, int position) {
        List<String> allowed = new ArrayList<>();
        String prefix = parentPath.isEmpty() ? "" : parentPath.toLowerCase(Locale.ROOT) + "/";
        for (String candidate : model.expandablePaths()) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            if (lower.startsWith(prefix) && lower.indexOf('/', prefix.length()) < 0) {
                allowed.add(candidate.substring(prefix.length()));
            }
        }
        String where = parentPath.isEmpty() ? "'" + model.entitySetName() + "'" : quote(parentPath);
        return new ODataQueryException(CLAUSE, "unknown navigation property " + quote(name) + " on " + where
                + " (expandable: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")", name, position);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw unexpected();
        }
        return text.substring(start, pos);
    }

    private ODataQueryException unexpected() {
        if (pos >= text.length()) {
            return new ODataQueryException(CLAUSE, "unexpected end of value", "", pos);
        }
        String token = String.valueOf(text.charAt(pos));
        return new ODataQueryException(CLAUSE, "unexpected character " + quote(token), token, pos);
    }

    private boolean accept(char expected) {
        if (peek() == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
