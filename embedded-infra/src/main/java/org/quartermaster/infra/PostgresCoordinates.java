package org.quartermaster.infra;

import java.net.URI;
import java.util.Objects;

/**
 * Where a PostgreSQL database is and how to log in to it.
 */
public record PostgresCoordinates(String host, int port, String database, String username, String password) {

    private static final String JDBC_PREFIX = "jdbc:";

    public PostgresCoordinates {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "PostgresCoordinates[" + jdbcUrl() + ", username=" + username + "]";
    }

    /** Host and port, as shown in {@link Infrastructure#description()}. */
    public String address() {
        return host + ":" + port;
    }

    /**
     * Parses {@code jdbc:postgresql://host[:port]/database}. URL parameters are refused rather than silently
     * dropped, because the coordinates cannot carry them to R2DBC.
     */
    public static PostgresCoordinates fromJdbcUrl(String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX + "postgresql://")) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/database URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring(JDBC_PREFIX.length()));
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty() || uri.getQuery() != null) {
            throw new IllegalArgumentException(
                    "Expected jdbc:postgresql://host:port/database (one host, no parameters), got: " + jdbcUrl);
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new PostgresCoordinates(uri.getHost(), port, database, username, password);
    }
}
