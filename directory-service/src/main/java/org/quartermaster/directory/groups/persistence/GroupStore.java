package org.quartermaster.directory.groups.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.directory.groups.domain.Group;
import org.quartermaster.directory.groups.domain.GroupProfile;
import org.quartermaster.directory.groups.domain.Relationship;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.PropertyType;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.query.SqlPages;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The groups table and the member and owner relationships. */
@Repository
public class GroupStore {

  public static final QueryModel QUERY_MODEL = QueryModel.builder("groups")
      .property("id", "g.id", PropertyType.GUID)
      .property("displayName", "g.display_name", PropertyType.STRING)
      .property("description", "g.description", PropertyType.STRING)
      .property("mailNickname", "g.mail_nickname", PropertyType.STRING)
      .property("mailEnabled", "g.mail_enabled", PropertyType.BOOLEAN)
      .property("securityEnabled", "g.security_enabled", PropertyType.BOOLEAN)
      .property("createdDateTime", "g.created_at", PropertyType.DATETIME)
      .defaultOrderBy("g.id")
      .build();

  static final String COLUMNS = "g.id, g.display_name, g.description, g.mail_nickname, g.mail_enabled, g.security_enabled, "
      + "g.group_types, g.created_at";

  private final DatabaseClient database;

  public GroupStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Group> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM groups g WHERE g.id = :id").bind("id", id).map(GroupStore::read).one();
  }

  /** Locks the row, so concurrent membership changes of one group serialise and keep their event order. */
  public Mono<Group> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM groups g WHERE g.id = :id FOR UPDATE").bind("id", id)
        .map(GroupStore::read).one();
  }

  public Mono<Page<Group>> page(CollectionQuery query, Optional<SqlFragment> scope, String from) {
    return SqlPages.fetch(database, COLUMNS, from, scope, query, GroupStore::read);
  }

  public Mono<Void> insert(Group group) {
    GroupProfile profile = group.profile();
    return database.sql("""
            INSERT INTO groups (id, display_name, description, mail_nickname, mail_enabled, security_enabled,
                                group_types, created_at)
            VALUES (:id, :displayName, :description, :mailNickname, :mailEnabled, :securityEnabled, :groupTypes, :createdAt)""")
        .bind("id", group.id())
        .bind("displayName", profile.displayName())
        .bind("description", Parameter.fromOrEmpty(profile.description(), String.class))
        .bind("mailNickname", profile.mailNickname())
        .bind("mailEnabled", profile.mailEnabled())
        .bind("securityEnabled", profile.securityEnabled())
        .bind("groupTypes", profile.groupTypes().toArray(String[]::new))
        .bind("createdAt", OffsetDateTime.ofInstant(group.createdDateTime(), ZoneOffset.UTC))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> update(Group group) {
    GroupProfile profile = group.profile();
    return database.sql("""
            UPDATE groups SET display_name = :displayName, description = :description, mail_nickname = :mailNickname,
                   mail_enabled = :mailEnabled, security_enabled = :securityEnabled
            WHERE id = :id""")
        .bind("id", group.id())
        .bind("displayName", profile.displayName())
        .bind("description", Parameter.fromOrEmpty(profile.description(), String.class))
        .bind("mailNickname", profile.mailNickname())
        .bind("mailEnabled", profile.mailEnabled())
        .bind("securityEnabled", profile.securityEnabled())
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM groups WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  /** True when the relationship is new; an existing one is left untouched. */
  public Mono<Boolean> addRelationship(UUID groupId, UUID userId, Relationship relationship, Instant now) {
    return database.sql("""
            INSERT INTO group_relationships (group_id, user_id, relationship, added_at)
            VALUES (:groupId, :userId, :relationship, :addedAt)
            ON CONFLICT DO NOTHING""")
        .bind("groupId", groupId).bind("userId", userId).bind("relationship", column(relationship))
        .bind("addedAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** True when a relationship existed and was removed. */
  public Mono<Boolean> removeRelationship(UUID groupId, UUID userId, Relationship relationship) {
    return database.sql("DELETE FROM group_relationships WHERE group_id = :groupId AND user_id = :userId AND relationship = :relationship")
        .bind("groupId", groupId).bind("userId", userId).bind("relationship", column(relationship))
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** Every relationship a user holds, as (group, relationship) pairs; used when the user is deleted. */
  public Flux<Membership> relationshipsOf(UUID userId) {
    return database.sql("SELECT group_id, relationship FROM group_relationships WHERE user_id = :userId ORDER BY group_id")
        .bind("userId", userId)
        .map(row -> new Membership(row.get("group_id", UUID.class), userId,
            Relationship.valueOf(row.get("relationship", String.class).toUpperCase())))
        .all();
  }

  public Flux<Membership> relationshipsIn(UUID groupId) {
    return database.sql("SELECT user_id, relationship FROM group_relationships WHERE group_id = :groupId ORDER BY user_id")
        .bind("groupId", groupId)
        .map(row -> new Membership(groupId, row.get("user_id", UUID.class),
            Relationship.valueOf(row.get("relationship", String.class).toUpperCase())))
        .all();
  }

  public static String column(Relationship relationship) {
    return relationship.name().toLowerCase();
  }

  static Group read(Readable row) {
    String[] types = row.get("group_types", String[].class);
    GroupProfile profile = new GroupProfile(
        row.get("display_name", String.class),
        row.get("description", String.class),
        row.get("mail_nickname", String.class),
        Boolean.TRUE.equals(row.get("mail_enabled", Boolean.class)),
        Boolean.TRUE.equals(row.get("security_enabled", Boolean.class)),
        types == null ? java.util.List.of() : Arrays.asList(types));
    return new Group(row.get("id", UUID.class), profile, row.get("created_at", OffsetDateTime.class).toInstant());
  }

  /** One user's relationship with one group. */
  public record Membership(UUID groupId, UUID userId, Relationship relationship) {
  }
}
