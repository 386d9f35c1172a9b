package org.quartermaster.odata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of SQL plus the values of the named parameters ({@code :f0}, {@code :f1}, ...) it references.
 *
 * <p>Values are only ever {@link String}, {@link java.util.UUID}, {@link Boolean}, {@link Long},
 * {@link java.math.BigDecimal} or {@link java.time.OffsetDateTime}; user input never appears in {@link #sql()}.
 * The fragment is self-contained (any {@code AND}/{@code OR} is parenthesised), so callers can write
 * {@code "WHERE tenant_id = :tenantId AND " + fragment.sql()} as long as their own parameter names do not
 * match {@code f<digits>}.
 */
public record SqlFragment(String sql, Map<String, Object> parameters) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameters, "parameters");
        // LinkedHashMap keeps binding order stable, which makes logs and tests deterministic.
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
