package org.quartermaster.policy.directory.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Directory users and direct group memberships, as the directory's events describe them. Only the projection writes. */
@Repository
public class DirectoryStore {

  private final DatabaseClient database;

  public DirectoryStore(DatabaseClient database) {
    this.database = database;
  }

  /** Whether the user is a Member; empty when the directory has not told this service about the user. */
  public Mono<Boolean> isMember(UUID userId) {
    return database.sql("SELECT is_member FROM directory_users WHERE id = :id").bind("id", userId)
        .map(row -> Boolean.TRUE.equals(row.get("is_member", Boolean.class))).one();
  }

  public Mono<List<UUID>> groupsOf(UUID memberId) {
    return database.sql("SELECT group_id FROM group_members WHERE member_id = :memberId").bind("memberId", memberId)
        .map(row -> row.get("group_id", UUID.class)).all().collectList();
  }

  /** Events of one user arrive in order, so the latest snapshot simply replaces the one before. */
  public Mono<Void> upsertUser(UUID id, String displayName, String userPrincipalName, boolean member) {
    return database.sql("""
            INSERT INTO directory_users (id, display_name, user_principal_name, is_member)
            VALUES (:id, :displayName, :upn, :member)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name,
                user_principal_name = EXCLUDED.user_principal_name, is_member = EXCLUDED.is_member""")
        .bind("id", id).bind("displayName", displayName).bind("upn", userPrincipalName).bind("member", member)
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> deleteUser(UUID id) {
    return database.sql("DELETE FROM directory_users WHERE id = :id").bind("id", id).fetch().rowsUpdated()
        .then(database.sql("DELETE FROM group_members WHERE member_id = :id").bind("id", id).fetch().rowsUpdated())
        .then();
  }

  /** Adding a membership twice (a redelivery, a replay) leaves one row. */
  public Mono<Void> addMember(UUID groupId, UUID memberId) {
    return database.sql("INSERT INTO group_members (group_id, member_id) VALUES (:groupId, :memberId) ON CONFLICT DO NOTHING")
        .bind("groupId", groupId).bind("memberId", memberId).fetch().rowsUpdated().then();
  }

  public Mono<Void> removeMember(UUID groupId, UUID memberId) {
    return database.sql("DELETE FROM group_members WHERE group_id = :groupId AND member_id = :memberId")
        .bind("groupId", groupId).bind("memberId", memberId).fetch().rowsUpdated().then();
  }

  public Mono<Void> deleteGroup(UUID groupId) {
    return database.sql("DELETE FROM group_members WHERE group_id = :groupId").bind("groupId", groupId)
        .fetch().rowsUpdated().then();
  }
}
