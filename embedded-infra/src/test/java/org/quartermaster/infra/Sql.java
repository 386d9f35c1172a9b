package org.quartermaster.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough JDBC for the tests.
 */
final class Sql {

    private Sql() {
    }

    static void execute(PostgresCoordinates pg, String... statements) throws SQLException {
        try (Connection connection = connect(pg); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static List<String> column(PostgresCoordinates pg, String query) throws SQLException {
        try (Connection connection = connect(pg);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static Connection connect(PostgresCoordinates pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
    }

    static String uniqueSchema(String purpose) {
        return purpose + "_" + Long.toHexString(System.nanoTime());
    }
}
