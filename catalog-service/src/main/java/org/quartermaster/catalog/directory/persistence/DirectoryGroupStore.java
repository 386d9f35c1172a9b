package org.quartermaster.catalog.directory.persistence;

import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.DirectoryGroupOrigin;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.PropertyType;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.query.SqlPages;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The groups of the built-in directory, as its events describe them. Only the projection writes here. */
@Repository
public class DirectoryGroupStore {

  public static final QueryModel QUERY_MODEL = QueryModel.builder("groups")
      .property("id", "dg.id", PropertyType.GUID)
      .property("displayName", "dg.display_name", PropertyType.STRING)
      .property("description", "dg.description", PropertyType.STRING)
      .property("mailNickname", "dg.mail_nickname", PropertyType.STRING)
      .property("securityEnabled", "dg.security_enabled", PropertyType.BOOLEAN)
      .property("mailEnabled", "dg.mail_enabled", PropertyType.BOOLEAN)
      .selectable("groupTypes")
      .sortable("displayName")
      .defaultOrderBy("dg.id")
      .build();

  static final String COLUMNS = "dg.id, dg.display_name, dg.description, dg.mail_nickname, dg.security_enabled, "
      + "dg.mail_enabled, dg.group_types";

  private final DatabaseClient database;

  public DirectoryGroupStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<DirectoryGroupOrigin> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM directory_groups dg WHERE dg.id = :id").bind("id", id)
        .map(DirectoryGroupStore::read).one();
  }

  public Mono<Page<DirectoryGroupOrigin>> page(CollectionQuery query, Optional<SqlFragment> scope) {
    return SqlPages.fetch(database, COLUMNS, "directory_groups dg", scope, query, DirectoryGroupStore::read);
  }

  /** Events of one group arrive in order, so the latest snapshot simply replaces the one before. */
  public Mono<Void> upsert(DirectoryGroupOrigin group) {
    return database.sql("""
            INSERT INTO directory_groups (id, display_name, description, mail_nickname, security_enabled, mail_enabled, group_types)
            VALUES (:id, :displayName, :description, :mailNickname, :securityEnabled, :mailEnabled, :groupTypes)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, description = EXCLUDED.description,
                mail_nickname = EXCLUDED.mail_nickname, security_enabled = EXCLUDED.security_enabled,
                mail_enabled = EXCLUDED.mail_enabled, group_types = EXCLUDED.group_types""")
        .bind("id", group.id())
        .bind("displayName", group.displayName())
        .bind("description", Parameter.fromOrEmpty(group.description(), String.class))
        .bind("mailNickname", Parameter.fromOrEmpty(group.mailNickname(), String.class))
        .bind("securityEnabled", group.securityEnabled())
        .bind("mailEnabled", group.mailEnabled())
        .bind("groupTypes", group.groupTypes().toArray(String[]::new))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM directory_groups WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  static DirectoryGroupOrigin read(Readable row) {
    String[] types = row.get("group_types", String[].class);
    return new DirectoryGroupOrigin(row.get("id", UUID.class), row.get("display_name", String.class),
        row.get("description", String.class), row.get("mail_nickname", String.class),
        Boolean.TRUE.equals(row.get("security_enabled", Boolean.class)), Boolean.TRUE.equals(row.get("mail_enabled", Boolean.class)),
        types == null ? List.of() : Arrays.asList(types));
  }
}
