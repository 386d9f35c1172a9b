package org.quartermaster.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.quartermaster.infra.PostgresCoordinates;

/**
 * One client doing INSERT then COMMIT, one at a time: the cheapest durable write this machine's PostgreSQL can do,
 * and so the floor under any service write that commits before it answers.
 */
final class PostgresCommitFloor {

  private static final String TABLE = "benchmark_commit_floor";

  private PostgresCommitFloor() {
  }

  /** The measured latencies and the server settings that make them durable (or not). */
  record Result(LatencySummary commits, String fsync, String synchronousCommit, String serverVersion) {
  }

  static Result measure(PostgresCoordinates pg, int warmup, int commits) throws SQLException {
    try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password())) {
      String fsync = show(connection, "fsync");
      String synchronousCommit = show(connection, "synchronous_commit");
      String version = show(connection, "server_version");
      try (Statement ddl = connection.createStatement()) {
        // A regular table: a temporary one is not WAL-logged and would make commits look cheaper than they are.
        ddl.execute("DROP TABLE IF EXISTS " + TABLE);
        ddl.execute("CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, payload text NOT NULL)");
      }
      connection.setAutoCommit(false);
      LatencyRecorder recorder = new LatencyRecorder();
      String payload = "x".repeat(100);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (payload) VALUES (?)")) {
        for (int i = 0; i < warmup + commits; i++) {
          long start = System.nanoTime();
          insert.setString(1, payload);
          insert.executeUpdate();
          connection.commit();
          if (i >= warmup) {
            recorder.recordNanos(System.nanoTime() - start);
          }
        }
      }
      connection.setAutoCommit(true);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("DROP TABLE " + TABLE);
      }
      return new Result(recorder.summary(), fsync, synchronousCommit, version);
    }
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
