package org.quartermaster.catalog.resources.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.catalog.resources.domain.ListedRole;
import org.quartermaster.catalog.resources.domain.ListedScope;
import org.quartermaster.catalog.resources.domain.OriginSystem;
import org.quartermaster.catalog.resources.domain.ResourceRole;
import org.quartermaster.catalog.resources.domain.ResourceScope;
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

/** A catalog's resources with their roles and scopes. */
@Repository
public class ResourceStore {

  public static final QueryModel QUERY_MODEL = QueryModel.builder("resources")
      .property("id", "r.id", PropertyType.GUID)
      .property("displayName", "r.display_name", PropertyType.STRING)
      .property("description", "r.description", PropertyType.STRING)
      .property("originId", "r.origin_id", PropertyType.STRING)
      .property("originSystem", "r.origin_system", PropertyType.STRING)
      .property("createdDateTime", "r.created_at", PropertyType.DATETIME)
      .selectable("attributes", "modifiedDateTime")
      .sortable("displayName", "createdDateTime")
      .expandable("roles", "scopes", "environment")
      .defaultOrderBy("r.id")
      .build();

  public static final QueryModel BETA_QUERY_MODEL = QueryModel.builder("accessPackageResources")
      .property("id", "r.id", PropertyType.GUID)
      .property("displayName", "r.display_name", PropertyType.STRING)
      .property("description", "r.description", PropertyType.STRING)
      .property("originId", "r.origin_id", PropertyType.STRING)
      .property("originSystem", "r.origin_system", PropertyType.STRING)
      .property("resourceType", "r.resource_type", PropertyType.STRING)
      .property("addedOn", "r.created_at", PropertyType.DATETIME)
      .property("addedBy", "r.added_by", PropertyType.STRING)
      .selectable("attributes", "url", "isPendingOnboarding")
      .sortable("displayName", "addedOn")
      .expandable("accessPackageResourceRoles", "accessPackageResourceScopes", "accessPackageResourceEnvironment")
      .defaultOrderBy("r.id")
      .build();

  public static final QueryModel ROLE_QUERY_MODEL = QueryModel.builder("resourceRoles")
      .property("id", "rr.id", PropertyType.GUID)
      .property("displayName", "rr.display_name", PropertyType.STRING)
      .property("description", "rr.description", PropertyType.STRING)
      .property("originId", "rr.origin_id", PropertyType.STRING)
      .property("originSystem", "rr.origin_system", PropertyType.STRING)
      .property("resource/id", "rr.resource_id", PropertyType.GUID)
      .property("resource/originId", "r.origin_id", PropertyType.STRING)
      .sortable("displayName")
      .expandable("resource")
      .defaultOrderBy("rr.id")
      .build();

  public static final QueryModel BETA_ROLE_QUERY_MODEL = QueryModel.builder("accessPackageResourceRoles")
      .property("id", "rr.id", PropertyType.GUID)
      .property("displayName", "rr.display_name", PropertyType.STRING)
      .property("description", "rr.description", PropertyType.STRING)
      .property("originId", "rr.origin_id", PropertyType.STRING)
      .property("originSystem", "rr.origin_system", PropertyType.STRING)
      .property("accessPackageResource/id", "rr.resource_id", PropertyType.GUID)
      .property("accessPackageResource/originId", "r.origin_id", PropertyType.STRING)
      .sortable("displayName")
      .expandable("accessPackageResource")
      .defaultOrderBy("rr.id")
      .build();

  public static final QueryModel SCOPE_QUERY_MODEL = QueryModel.builder("resourceScopes")
      .property("id", "rs.id", PropertyType.GUID)
      .property("displayName", "rs.display_name", PropertyType.STRING)
      .property("description", "rs.description", PropertyType.STRING)
      .property("originId", "rs.origin_id", PropertyType.STRING)
      .property("originSystem", "rs.origin_system", PropertyType.STRING)
      .property("isRootScope", "rs.is_root_scope", PropertyType.BOOLEAN)
      .property("resource/id", "rs.resource_id", PropertyType.GUID)
      .expandable("resource")
      .defaultOrderBy("rs.id")
      .build();

  public static final QueryModel BETA_SCOPE_QUERY_MODEL = QueryModel.builder("accessPackageResourceScopes")
      .property("id", "rs.id", PropertyType.GUID)
      .property("displayName", "rs.display_name", PropertyType.STRING)
      .property("description", "rs.description", PropertyType.STRING)
      .property("originId", "rs.origin_id", PropertyType.STRING)
      .property("originSystem", "rs.origin_system", PropertyType.STRING)
      .property("isRootScope", "rs.is_root_scope", PropertyType.BOOLEAN)
      .property("accessPackageResource/id", "rs.resource_id", PropertyType.GUID)
      .expandable("accessPackageResource")
      .defaultOrderBy("rs.id")
      .build();

  static final String COLUMNS = "r.id, r.catalog_id, r.origin_id, r.origin_system, r.display_name, r.description, "
      + "r.resource_type, r.created_at, r.added_by";
  public static final String ROLE_COLUMNS = "rr.id AS role_id, rr.origin_id AS role_origin_id, rr.origin_system AS role_origin_system, "
      + "rr.display_name AS role_display_name, rr.description AS role_description";
  public static final String SCOPE_COLUMNS = "rs.id AS scope_id, rs.origin_id AS scope_origin_id, "
      + "rs.origin_system AS scope_origin_system, rs.display_name AS scope_display_name, "
      + "rs.description AS scope_description, rs.is_root_scope";

  private final DatabaseClient database;

  public ResourceStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Page<CatalogResource>> page(UUID catalogId, CollectionQuery query) {
    return SqlPages.fetch(database, COLUMNS, "resources r", inCatalog("r", catalogId), query, ResourceStore::read)
        .flatMap(page -> complete(page.items()).map(items -> new Page<>(items, page.hasMore(), page.count())));
  }

  public Mono<Page<ListedRole>> rolePage(UUID catalogId, CollectionQuery query) {
    return SqlPages.fetch(database, ROLE_COLUMNS + ", " + COLUMNS, "resource_roles rr JOIN resources r ON r.id = rr.resource_id",
        inCatalog("rr", catalogId), query, row -> new ListedRole(readRole(row), read(row)));
  }

  public Mono<Page<ListedScope>> scopePage(UUID catalogId, CollectionQuery query) {
    return SqlPages.fetch(database, SCOPE_COLUMNS + ", " + COLUMNS,
        "resource_scopes rs JOIN resources r ON r.id = rs.resource_id", inCatalog("rs", catalogId), query,
        row -> new ListedScope(readScope(row), read(row)));
  }

  public Mono<CatalogResource> find(UUID id) {
    return one(database.sql("SELECT " + COLUMNS + " FROM resources r WHERE r.id = :id").bind("id", id));
  }

  /** Locks the resource, so it cannot be removed while one of its roles is being granted, nor granted while removed. */
  public Mono<CatalogResource> lock(UUID id) {
    return one(database.sql("SELECT " + COLUMNS + " FROM resources r WHERE r.id = :id FOR UPDATE").bind("id", id));
  }

  public Mono<CatalogResource> share(UUID id) {
    return one(database.sql("SELECT " + COLUMNS + " FROM resources r WHERE r.id = :id FOR SHARE").bind("id", id));
  }

  public Mono<CatalogResource> findByOrigin(UUID catalogId, OriginSystem originSystem, String originId) {
    return one(database.sql("SELECT " + COLUMNS + " FROM resources r "
            + "WHERE r.catalog_id = :catalogId AND r.origin_system = :originSystem AND lower(r.origin_id) = lower(:originId)")
        .bind("catalogId", catalogId).bind("originSystem", originSystem.graphName()).bind("originId", originId.trim()));
  }

  /** The resource one of whose roles has this id, in whatever catalog it is. */
  public Mono<CatalogResource> findByRole(UUID roleId) {
    return one(database.sql("SELECT " + COLUMNS + " FROM resources r JOIN resource_roles rr ON rr.resource_id = r.id "
        + "WHERE rr.id = :roleId").bind("roleId", roleId));
  }

  /** The resources of a catalog one of whose roles has this originId, e.g. {@code Member_{groupId}}. */
  public Flux<CatalogResource> findByRoleOriginId(UUID catalogId, String roleOriginId) {
    return database.sql("SELECT " + COLUMNS + " FROM resources r JOIN resource_roles rr ON rr.resource_id = r.id "
            + "WHERE rr.catalog_id = :catalogId AND lower(rr.origin_id) = lower(:originId)")
        .bind("catalogId", catalogId).bind("originId", roleOriginId.trim())
        .map(ResourceStore::read).all().collectList().flatMap(this::complete).flatMapMany(Flux::fromIterable);
  }

  public Flux<CatalogResource> inCatalog(UUID catalogId) {
    return database.sql("SELECT " + COLUMNS + " FROM resources r WHERE r.catalog_id = :catalogId ORDER BY r.created_at, r.id")
        .bind("catalogId", catalogId).map(ResourceStore::read).all()
        .collectList().flatMap(this::complete).flatMapMany(Flux::fromIterable);
  }

  public Mono<Void> insert(CatalogResource resource) {
    Mono<Long> row = database.sql("""
            INSERT INTO resources (id, catalog_id, origin_id, origin_system, display_name, description, resource_type,
                                   created_at, added_by)
            VALUES (:id, :catalogId, :originId, :originSystem, :displayName, :description, :resourceType, :createdAt, :addedBy)""")
        .bind("id", resource.id())
        .bind("catalogId", resource.catalogId())
        .bind("originId", resource.originId())
        .bind("originSystem", resource.originSystem().graphName())
        .bind("displayName", Parameter.fromOrEmpty(resource.displayName(), String.class))
        .bind("description", Parameter.fromOrEmpty(resource.description(), String.class))
        .bind("resourceType", Parameter.fromOrEmpty(resource.resourceType(), String.class))
        .bind("createdAt", utc(resource.createdDateTime()))
        .bind("addedBy", Parameter.fromOrEmpty(resource.addedBy(), String.class))
        .fetch().rowsUpdated();
    Flux<Long> roles = Flux.range(0, resource.roles().size()).concatMap(position -> {
      ResourceRole role = resource.roles().get(position);
      return database.sql("""
              INSERT INTO resource_roles (id, resource_id, catalog_id, origin_id, origin_system, display_name, description, position)
              VALUES (:id, :resourceId, :catalogId, :originId, :originSystem, :displayName, :description, :position)""")
          .bind("id", role.id()).bind("resourceId", resource.id()).bind("catalogId", resource.catalogId())
          .bind("originId", role.originId()).bind("originSystem", role.originSystem().graphName())
          .bind("displayName", role.displayName())
          .bind("description", Parameter.fromOrEmpty(role.description(), String.class))
          .bind("position", position)
          .fetch().rowsUpdated();
    });
    Flux<Long> scopes = Flux.fromIterable(resource.scopes()).concatMap(scope -> database.sql("""
            INSERT INTO resource_scopes (id, resource_id, catalog_id, origin_id, origin_system, display_name, description,
                                         is_root_scope)
            VALUES (:id, :resourceId, :catalogId, :originId, :originSystem, :displayName, :description, :root)""")
        .bind("id", scope.id()).bind("resourceId", resource.id()).bind("catalogId", resource.catalogId())
        .bind("originId", scope.originId()).bind("originSystem", scope.originSystem().graphName())
        .bind("displayName", Parameter.fromOrEmpty(scope.displayName(), String.class))
        .bind("description", Parameter.fromOrEmpty(scope.description(), String.class))
        .bind("root", scope.isRootScope())
        .fetch().rowsUpdated());
    return row.thenMany(roles).thenMany(scopes).then();
  }

  /** Its roles and scopes go with it (ON DELETE CASCADE). */
  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM resources WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  private static Optional<SqlFragment> inCatalog(String alias, UUID catalogId) {
    return Optional.of(new SqlFragment(alias + ".catalog_id = :scopeCatalog", Map.of("scopeCatalog", catalogId)));
  }

  private Mono<CatalogResource> one(DatabaseClient.GenericExecuteSpec spec) {
    return spec.map(ResourceStore::read).one().flatMap(bare -> complete(List.of(bare)).map(all -> all.get(0)));
  }

  /** Adds their roles and scopes to resources read without them: two queries for any number of resources. */
  private Mono<List<CatalogResource>> complete(List<CatalogResource> bare) {
    if (bare.isEmpty()) {
      return Mono.just(List.of());
    }
    UUID[] ids = bare.stream().map(CatalogResource::id).toArray(UUID[]::new);
    Mono<Map<UUID, List<ResourceRole>>> roles = database.sql("SELECT rr.resource_id, " + ROLE_COLUMNS
            + " FROM resource_roles rr WHERE rr.resource_id = ANY(:ids) ORDER BY rr.resource_id, rr.position")
        .bind("ids", ids)
        .map(row -> Map.entry(row.get("resource_id", UUID.class), readRole(row))).all()
        .<Map<UUID, List<ResourceRole>>>collect(LinkedHashMap::new, (map, entry) -> map.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
    Mono<Map<UUID, List<ResourceScope>>> scopes = database.sql("SELECT rs.resource_id, " + SCOPE_COLUMNS
            + " FROM resource_scopes rs WHERE rs.resource_id = ANY(:ids) ORDER BY rs.resource_id, rs.is_root_scope DESC, rs.id")
        .bind("ids", ids)
        .map(row -> Map.entry(row.get("resource_id", UUID.class), readScope(row))).all()
        .<Map<UUID, List<ResourceScope>>>collect(LinkedHashMap::new, (map, entry) -> map.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
    return Mono.zip(roles, scopes).map(parts -> bare.stream()
        .map(resource -> new CatalogResource(resource.id(), resource.catalogId(), resource.originId(), resource.originSystem(),
            resource.displayName(), resource.description(), resource.resourceType(), resource.createdDateTime(),
            resource.addedBy(), parts.getT1().getOrDefault(resource.id(), List.of()),
            parts.getT2().getOrDefault(resource.id(), List.of())))
        .toList());
  }

  public static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A resource without its roles and scopes. */
  static CatalogResource read(Readable row) {
    return new CatalogResource(row.get("id", UUID.class), row.get("catalog_id", UUID.class), row.get("origin_id", String.class),
        OriginSystem.parse(row.get("origin_system", String.class)), row.get("display_name", String.class),
        row.get("description", String.class), row.get("resource_type", String.class),
        row.get("created_at", OffsetDateTime.class).toInstant(), row.get("added_by", String.class), List.of(), List.of());
  }

  public static ResourceRole readRole(Readable row) {
    return new ResourceRole(row.get("role_id", UUID.class), row.get("role_origin_id", String.class),
        OriginSystem.parse(row.get("role_origin_system", String.class)), row.get("role_display_name", String.class),
        row.get("role_description", String.class));
  }

  public static ResourceScope readScope(Readable row) {
    return new ResourceScope(row.get("scope_id", UUID.class), row.get("scope_origin_id", String.class),
        OriginSystem.parse(row.get("scope_origin_system", String.class)), row.get("scope_display_name", String.class),
        row.get("scope_description", String.class), Boolean.TRUE.equals(row.get("is_root_scope", Boolean.class)));
  }
}
