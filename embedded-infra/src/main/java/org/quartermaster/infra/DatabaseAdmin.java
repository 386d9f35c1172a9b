package org.quartermaster.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Schema housekeeping for tests and the devstack, which isolate services and test classes by schema on one server.
 */
public final class DatabaseAdmin {

    /** duplicate_schema and unique_violation: another JVM created the same schema concurrently. */
    private static final Set<String> ALREADY_CREATED = Set.of("42P06", "23505");

    private DatabaseAdmin() {
    }

    public static void createSchemaIfMissing(PostgresCoordinates pg, String schema) {
        try {
            execute(pg, "CREATE SCHEMA IF NOT EXISTS " + quoted(schema));
        } catch (SQLException e) {
            if (!ALREADY_CREATED.contains(e.getSQLState())) {
                throw new IllegalStateException("Could not create schema " + schema + " on " + pg, e);
            }
        }
    }

    /** Drops the schema and everything in it; a missing schema is not an error. */
    public static void dropSchema(PostgresCoordinates pg, String schema) {
        try {
            execute(pg, "DROP SCHEMA IF EXISTS " + quoted(schema) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop schema " + schema + " on " + pg, e);
        }
    }

    private static void execute(PostgresCoordinates pg, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quoted(String identifier) {
        if (identifier == null || identifier.isBlank() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Not a schema name: '" + identifier + "'");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
