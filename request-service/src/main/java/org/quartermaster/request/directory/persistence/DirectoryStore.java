package org.quartermaster.request.directory.persistence;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.request.common.persistence.Rows;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The directory_users and group_members read models. Only the projections write here. */
@Repository
public class DirectoryStore {

  private static final String COLUMNS = "id, display_name, user_principal_name, mail, user_type, account_enabled, manager_id";

  private final DatabaseClient database;

  public DirectoryStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<DirectoryUser> findUser(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM directory_users WHERE id = :id").bind("id", id)
        .map(DirectoryStore::read).one();
  }

  public Flux<DirectoryUser> findUsers(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM directory_users WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(DirectoryStore::read).all();
  }

  /** The groups the user is a direct member of. */
  public Mono<Set<UUID>> groupsOf(UUID userId) {
    return database.sql("SELECT group_id FROM group_members WHERE member_id = :member").bind("member", userId)
        .map(row -> row.get("group_id", UUID.class)).all().collect(HashSet::new, Set::add);
  }

  /**
   * The user's manager at the level (1 = direct manager) along the manager chain; empty when the chain is shorter. A
   * cycle in the chain (a data error upstream) cannot loop: the walk stops at the level.
   */
  public Mono<UUID> managerAt(UUID userId, int level) {
    return database.sql("""
            WITH RECURSIVE chain (id, depth) AS (
                SELECT manager_id, 1 FROM directory_users WHERE id = :user AND manager_id IS NOT NULL
                UNION ALL
                SELECT u.manager_id, c.depth + 1 FROM chain c JOIN directory_users u ON u.id = c.id
                WHERE u.manager_id IS NOT NULL AND c.depth < :level)
            SELECT id FROM chain WHERE depth = :level""")
        .bind("user", userId).bind("level", level)
        .map(row -> row.get("id", UUID.class)).one();
  }

  /** The group's direct members, as approval stages naming groupMembers count them. */
  public Flux<UUID> membersOf(UUID groupId) {
    return database.sql("SELECT member_id FROM group_members WHERE group_id = :group ORDER BY member_id")
        .bind("group", groupId).map(row -> row.get("member_id", UUID.class)).all();
  }

  public Mono<Void> upsertUser(DirectoryUser user) {
    return database.sql("""
            INSERT INTO directory_users (id, display_name, user_principal_name, mail, user_type, account_enabled, manager_id)
            VALUES (:id, :displayName, :upn, :mail, :userType, :enabled, :manager)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name,
                user_principal_name = EXCLUDED.user_principal_name, mail = EXCLUDED.mail, user_type = EXCLUDED.user_type,
                account_enabled = EXCLUDED.account_enabled, manager_id = EXCLUDED.manager_id""")
        .bind("id", user.id())
        .bind("displayName", user.displayName())
        .bind("upn", user.userPrincipalName())
        .bind("mail", Rows.text(user.mail()))
        .bind("userType", user.userType())
        .bind("enabled", user.accountEnabled())
        .bind("manager", Rows.uuid(user.managerId()))
        .fetch().rowsUpdated().then();
  }

  /** A deleted user is a member of nothing any more. */
  public Mono<Void> deleteUser(UUID id) {
    return database.sql("DELETE FROM group_members WHERE member_id = :id").bind("id", id).fetch().rowsUpdated()
        .then(database.sql("DELETE FROM directory_users WHERE id = :id").bind("id", id).fetch().rowsUpdated())
        .then();
  }

  public Mono<Void> addMember(UUID groupId, UUID memberId) {
    return database.sql("INSERT INTO group_members (group_id, member_id) VALUES (:group, :member) ON CONFLICT DO NOTHING")
        .bind("group", groupId).bind("member", memberId).fetch().rowsUpdated().then();
  }

  public Mono<Void> removeMember(UUID groupId, UUID memberId) {
    return database.sql("DELETE FROM group_members WHERE group_id = :group AND member_id = :member")
        .bind("group", groupId).bind("member", memberId).fetch().rowsUpdated().then();
  }

  public Mono<Void> deleteGroup(UUID groupId) {
    return database.sql("DELETE FROM group_members WHERE group_id = :group").bind("group", groupId)
        .fetch().rowsUpdated().then();
  }

  private static DirectoryUser read(Readable row) {
    return new DirectoryUser(row.get("id", UUID.class), row.get("display_name", String.class),
        row.get("user_principal_name", String.class), row.get("mail", String.class), row.get("user_type", String.class),
        Boolean.TRUE.equals(row.get("account_enabled", Boolean.class)), row.get("manager_id", UUID.class));
  }
}
