package org.quartermaster.odata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The OData comparison operators and their PostgreSQL counterparts. */
enum ComparisonOperator {
    EQ("eq", "="),
    // OData defines 'null ne x' as true; plain <> would drop rows whose column is NULL.
    NE("ne", "IS DISTINCT FROM"),
    GT("gt", ">"),
    GE("ge", ">="),
    LT("lt", "<"),
    LE("le", "<=");

    private final String odata;
    private final String sql;

    ComparisonOperator(String odata, String sql) {
        this.odata = odata;
        this.sql = sql;
    }

    static Optional<ComparisonOperator> fromKeyword(String keyword) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(op -> op.odata.equals(lower)).findFirst();
    }

    String odata() {
        return odata;
    }

    String sql() {
        return sql;
    }

    boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** The operator that keeps the meaning when the operands are swapped ({@code 5 lt x} is {@code x gt 5}). */
    ComparisonOperator mirrored() {
        return switch (this) {
            case GT -> LT;
            case GE -> LE;
            case LT -> GT;
            case LE -> GE;
            default -> this;
        };
    }
}
