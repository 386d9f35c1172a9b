package org.quartermaster.odata;

/**
 * The value type of a property exposed to {@code $filter}; it decides which literals a comparison accepts and
 * which Java type the literal is bound as.
 */
public enum PropertyType {
    /** Bound as {@link String}. */
    STRING("string"),
    /** Bound as {@link java.util.UUID}; accepts quoted and unquoted GUID literals because the Graph docs use both. */
    GUID("GUID"),
    /** Bound as {@link Boolean}. */
    BOOLEAN("boolean"),
    /** Bound as {@link Long}, or {@link java.math.BigDecimal} when the literal has a fraction. */
    INTEGER("integer"),
    /** Bound as {@link java.time.OffsetDateTime}. */
    DATETIME("datetime"),
    /** Bound as the canonical camelCase {@link String} declared in the model. */
    ENUM("enum");

    private final String displayName;

    PropertyType(String displayName) {
        this.displayName = displayName;
    }

    /** The lower-case name used in error messages. */
    String displayName() {
        return displayName;
    }
}
