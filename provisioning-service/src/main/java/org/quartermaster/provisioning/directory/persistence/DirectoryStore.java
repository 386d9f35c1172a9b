package org.quartermaster.provisioning.directory.persistence;

import java.util.Collection;
import java.util.UUID;
import org.quartermaster.provisioning.directory.domain.DirectoryUser;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** directory_users and directory_memberships: the directory as its events describe it. Only the projection writes. */
@Repository
public class DirectoryStore {

  private final DatabaseClient database;

  public DirectoryStore(DatabaseClient database) {
    this.database = database;
  }

  public Flux<DirectoryUser> users(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT id, display_name, user_principal_name, mail FROM directory_users WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new))
        .map(row -> new DirectoryUser(row.get("id", UUID.class), row.get("display_name", String.class),
            row.get("user_principal_name", String.class), row.get("mail", String.class)))
        .all();
  }

  public Mono<Void> upsertUser(DirectoryUser user) {
    return database.sql("""
            INSERT INTO directory_users (id, display_name, user_principal_name, mail) VALUES (:id, :name, :upn, :mail)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name,
                user_principal_name = EXCLUDED.user_principal_name, mail = EXCLUDED.mail""")
        .bind("id", user.id()).bind("name", user.displayName()).bind("upn", user.userPrincipalName())
        .bind("mail", Parameter.fromOrEmpty(user.mail(), String.class))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> deleteUser(UUID id) {
    return database.sql("DELETE FROM directory_memberships WHERE user_id = :id").bind("id", id).fetch().rowsUpdated()
        .then(database.sql("DELETE FROM directory_users WHERE id = :id").bind("id", id).fetch().rowsUpdated()).then();
  }

  /** @param addedBy the principal the directory recorded as having made the change */
  public Mono<Void> addRelationship(UUID groupId, UUID userId, String relationship, String addedBy) {
    return database.sql("""
            INSERT INTO directory_memberships (group_id, user_id, relationship, added_by)
            VALUES (:group, :user, :relationship, :addedBy)
            ON CONFLICT (group_id, user_id, relationship) DO UPDATE SET added_by = EXCLUDED.added_by""")
        .bind("group", groupId).bind("user", userId).bind("relationship", relationship)
        .bind("addedBy", Parameter.fromOrEmpty(addedBy, String.class))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> removeRelationship(UUID groupId, UUID userId, String relationship) {
    return database.sql("DELETE FROM directory_memberships WHERE group_id = :group AND user_id = :user AND relationship = :relationship")
        .bind("group", groupId).bind("user", userId).bind("relationship", relationship).fetch().rowsUpdated().then();
  }

  public Mono<Void> deleteGroup(UUID groupId) {
    return database.sql("DELETE FROM directory_memberships WHERE group_id = :group").bind("group", groupId)
        .fetch().rowsUpdated().then();
  }

  /** Whether the user holds the relationship by someone else's hand than {@code excludedActor}. */
  public Mono<Boolean> holdsNotAddedBy(UUID groupId, UUID userId, String relationship, String excludedActor) {
    return database.sql("""
            SELECT count(*) AS n FROM directory_memberships
            WHERE group_id = :group AND user_id = :user AND relationship = :relationship
              AND (added_by IS NULL OR added_by <> :actor)""")
        .bind("group", groupId).bind("user", userId).bind("relationship", relationship).bind("actor", excludedActor)
        .map(row -> row.get("n", Long.class) > 0).one();
  }
}
