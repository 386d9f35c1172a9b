package org.quartermaster.catalog.catalogs.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.catalog.catalogs.domain.Catalog;
import org.quartermaster.catalog.catalogs.domain.CatalogProfile;
import org.quartermaster.catalog.catalogs.domain.CatalogState;
import org.quartermaster.catalog.catalogs.domain.CatalogType;
import org.quartermaster.catalog.common.domain.Audit;
import org.quartermaster.platform.domain.GraphEnum;
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

/** The catalogs table. */
@Repository
public class CatalogStore {

  static final List<String> TYPES = List.of("userManaged", "serviceDefault", "serviceManaged");
  static final List<String> STATES = List.of("unpublished", "published");

  /** v1.0 names. */
  public static final QueryModel QUERY_MODEL = QueryModel.builder("catalogs")
      .property("id", "c.id", PropertyType.GUID)
      .property("displayName", "c.display_name", PropertyType.STRING)
      .property("description", "c.description", PropertyType.STRING)
      .enumProperty("catalogType", "c.catalog_type", TYPES)
      .enumProperty("state", "c.state", STATES)
      .property("isExternallyVisible", "c.is_externally_visible", PropertyType.BOOLEAN)
      .property("createdDateTime", "c.created_at", PropertyType.DATETIME)
      .property("modifiedDateTime", "c.modified_at", PropertyType.DATETIME)
      .sortable("displayName", "createdDateTime", "modifiedDateTime")
      .expandable("accessPackages")
      .defaultOrderBy("c.id")
      .build();

  /** Beta names over the same columns; enum literals such as 'Published' match case-insensitively. */
  public static final QueryModel BETA_QUERY_MODEL = QueryModel.builder("accessPackageCatalogs")
      .property("id", "c.id", PropertyType.GUID)
      .property("displayName", "c.display_name", PropertyType.STRING)
      .property("description", "c.description", PropertyType.STRING)
      .enumProperty("catalogType", "c.catalog_type", TYPES)
      .enumProperty("catalogStatus", "c.state", STATES)
      .property("isExternallyVisible", "c.is_externally_visible", PropertyType.BOOLEAN)
      .property("createdDateTime", "c.created_at", PropertyType.DATETIME)
      .property("modifiedDateTime", "c.modified_at", PropertyType.DATETIME)
      .property("createdBy", "c.created_by", PropertyType.STRING)
      .property("modifiedBy", "c.modified_by", PropertyType.STRING)
      .sortable("displayName", "createdDateTime", "modifiedDateTime")
      .expandable("accessPackages")
      .defaultOrderBy("c.id")
      .build();

  static final String COLUMNS = "c.id, c.display_name, c.description, c.catalog_type, c.state, c.is_externally_visible, "
      + "c.created_at, c.modified_at, c.created_by, c.modified_by";

  private final DatabaseClient database;

  public CatalogStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Catalog> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM catalogs c WHERE c.id = :id").bind("id", id).map(CatalogStore::read).one();
  }

  /** Locks the row, so one catalog's changes and its resources' changes serialise and keep their event order. */
  public Mono<Catalog> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM catalogs c WHERE c.id = :id FOR UPDATE").bind("id", id)
        .map(CatalogStore::read).one();
  }

  /** Keeps the catalog from being deleted until the caller's transaction ends, without serialising its readers. */
  public Mono<Catalog> share(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM catalogs c WHERE c.id = :id FOR SHARE").bind("id", id)
        .map(CatalogStore::read).one();
  }

  public Flux<Catalog> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM catalogs c WHERE c.id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(CatalogStore::read).all();
  }

  public Mono<Page<Catalog>> page(CollectionQuery query) {
    return SqlPages.fetch(database, COLUMNS, "catalogs c", Optional.<SqlFragment>empty(), query, CatalogStore::read);
  }

  public Mono<Catalog> builtIn() {
    return database.sql("SELECT " + COLUMNS + " FROM catalogs c WHERE c.catalog_type = 'serviceDefault'")
        .map(CatalogStore::read).one();
  }

  public Mono<Void> insert(Catalog catalog) {
    return insert(catalog, "").then();
  }

  /** True when this call created the built-in catalog; false when it already existed. */
  public Mono<Boolean> insertBuiltInOnce(Catalog catalog) {
    return insert(catalog, " ON CONFLICT (catalog_type) WHERE catalog_type = 'serviceDefault' DO NOTHING")
        .map(rows -> rows == 1);
  }

  private Mono<Long> insert(Catalog catalog, String onConflict) {
    CatalogProfile profile = catalog.profile();
    return database.sql("""
            INSERT INTO catalogs (id, display_name, description, catalog_type, state, is_externally_visible,
                                  created_at, modified_at, created_by, modified_by)
            VALUES (:id, :displayName, :description, :catalogType, :state, :visible, :createdAt, :modifiedAt,
                    :createdBy, :modifiedBy)""" + onConflict)
        .bind("id", catalog.id())
        .bind("displayName", profile.displayName())
        .bind("description", Parameter.fromOrEmpty(profile.description(), String.class))
        .bind("catalogType", catalog.type().graphName())
        .bind("state", profile.state().graphName())
        .bind("visible", profile.externallyVisible())
        .bind("createdAt", utc(catalog.audit().createdDateTime()))
        .bind("modifiedAt", utc(catalog.audit().modifiedDateTime()))
        .bind("createdBy", Parameter.fromOrEmpty(catalog.audit().createdBy(), String.class))
        .bind("modifiedBy", Parameter.fromOrEmpty(catalog.audit().modifiedBy(), String.class))
        .fetch().rowsUpdated();
  }

  public Mono<Void> update(Catalog catalog) {
    CatalogProfile profile = catalog.profile();
    return database.sql("""
            UPDATE catalogs SET display_name = :displayName, description = :description, state = :state,
                   is_externally_visible = :visible, modified_at = :modifiedAt, modified_by = :modifiedBy
            WHERE id = :id""")
        .bind("id", catalog.id())
        .bind("displayName", profile.displayName())
        .bind("description", Parameter.fromOrEmpty(profile.description(), String.class))
        .bind("state", profile.state().graphName())
        .bind("visible", profile.externallyVisible())
        .bind("modifiedAt", utc(catalog.audit().modifiedDateTime()))
        .bind("modifiedBy", Parameter.fromOrEmpty(catalog.audit().modifiedBy(), String.class))
        .fetch().rowsUpdated().then();
  }

  /** Its resources, roles and scopes go with it (ON DELETE CASCADE). */
  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM catalogs WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Catalog read(Readable row) {
    CatalogProfile profile = new CatalogProfile(
        row.get("display_name", String.class),
        row.get("description", String.class),
        parse(CatalogState.class, row.get("state", String.class)),
        Boolean.TRUE.equals(row.get("is_externally_visible", Boolean.class)));
    Audit audit = new Audit(row.get("created_at", OffsetDateTime.class).toInstant(), row.get("created_by", String.class),
        row.get("modified_at", OffsetDateTime.class).toInstant(), row.get("modified_by", String.class));
    return new Catalog(row.get("id", UUID.class), profile, parse(CatalogType.class, row.get("catalog_type", String.class)),
        audit);
  }

  private static <E extends Enum<E> & GraphEnum> E parse(Class<E> type, String value) {
    return GraphEnum.parse(type, value, type.getSimpleName());
  }
}
