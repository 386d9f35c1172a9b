package org.quartermaster.odata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A property an entity set exposes to {@code $filter} and {@code $orderby}: its canonical OData path, the SQL
 * expression it maps to (trusted, written by developers), its type and, for enums, the canonical values.
 */
record QueryProperty(String path, String sqlExpression, PropertyType type, List<String> enumValues, boolean sortable) {

    QueryProperty {
        enumValues = List.copyOf(enumValues);
    }

    QueryProperty asSortable() {
        return new QueryProperty(path, sqlExpression, type, enumValues, true);
    }

    /** Resolves an enum literal case-insensitively, because Graph clients send both {@code Delivered} and {@code delivered}. */
    Optional<String> canonicalEnumValue(String literal) {
        String wanted = literal.toLowerCase(Locale.ROOT);
        return enumValues.stream().filter(value -> value.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    boolean isTopLevel() {
        return path.indexOf('/') < 0;
    }
}
