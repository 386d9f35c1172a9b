package org.quartermaster.directory.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.directory.DirectoryServiceApplication;
import org.quartermaster.infra.PostgresCoordinates;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.testing.ServiceNamespace;

/**
 * Reads the directory's schema directly, because while the service is dead its API cannot say what
 * it committed.
 */
final class DirectoryDatabase {

  private final String schema;

  DirectoryDatabase(ServiceNamespace namespace) {
    this.schema = "\"" + namespace.schema(DirectoryServiceApplication.NAME) + "\"";
  }

  Optional<UUID> userIdByPrincipalName(String userPrincipalName) {
    return query("SELECT id FROM " + schema + ".users WHERE lower(user_principal_name) = lower(?)",
        userPrincipalName, row -> row.getObject("id", UUID.class)).stream().findFirst();
  }

  List<OutboxRow> outbox() {
    return query("SELECT event_id, event_type, message_key FROM " + schema + ".outbox ORDER BY position", null,
        row -> new OutboxRow(row.getObject("event_id", UUID.class), row.getString("event_type"), row.getString("message_key")));
  }

  private <T> List<T> query(String sql, String parameter, RowReader<T> reader) {
    PostgresCoordinates postgres = SharedInfrastructure.get().postgres();
    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(reader.read(result));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An event the relay has not yet published, as it waits in the outbox table. */
  record OutboxRow(UUID eventId, String eventType, String messageKey) {
  }

  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }
}
