package org.quartermaster.odata;

import java.util.Objects;

/**
 * One sort key: the canonical OData property path, the SQL expression the model maps it to, and the direction.
 */
public record OrderBy(String property, String sqlExpression, boolean descending) {

    public OrderBy {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(sqlExpression, "sqlExpression");
    }

    /** This key as SQL, for example {@code display_name DESC}. */
    public String toSql() {
        return sqlExpression + (descending ? " DESC" : " ASC");
    }
}
