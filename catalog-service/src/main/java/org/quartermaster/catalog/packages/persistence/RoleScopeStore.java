package org.quartermaster.catalog.packages.persistence;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.catalog.common.domain.Reference;
import org.quartermaster.catalog.packages.domain.RoleScope;
import org.quartermaster.catalog.packages.domain.RoleScopeId;
import org.quartermaster.catalog.resources.domain.OriginSystem;
import org.quartermaster.catalog.resources.domain.ResourceSummary;
import org.quartermaster.catalog.resources.persistence.ResourceStore;
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

/** The resource roles, at scopes, that access packages grant. */
@Repository
public class RoleScopeStore {

  public static final QueryModel QUERY_MODEL = QueryModel.builder("resourceRoleScopes")
      .property("createdDateTime", "g.created_at", PropertyType.DATETIME)
      .property("role/id", "g.role_id", PropertyType.GUID)
      .property("role/originId", "rr.origin_id", PropertyType.STRING)
      .property("role/displayName", "rr.display_name", PropertyType.STRING)
      .property("scope/id", "g.scope_id", PropertyType.GUID)
      .property("scope/originId", "rs.origin_id", PropertyType.STRING)
      .property("role/resource/id", "rr.resource_id", PropertyType.GUID)
      .expandable("role", "scope")
      .defaultOrderBy("g.role_id")
      .build();

  public static final QueryModel BETA_QUERY_MODEL = QueryModel.builder("accessPackageResourceRoleScopes")
      .property("createdDateTime", "g.created_at", PropertyType.DATETIME)
      .property("createdBy", "g.created_by", PropertyType.STRING)
      .property("accessPackageResourceRole/id", "g.role_id", PropertyType.GUID)
      .property("accessPackageResourceRole/originId", "rr.origin_id", PropertyType.STRING)
      .property("accessPackageResourceRole/displayName", "rr.display_name", PropertyType.STRING)
      .property("accessPackageResourceScope/id", "g.scope_id", PropertyType.GUID)
      .property("accessPackageResourceScope/originId", "rs.origin_id", PropertyType.STRING)
      .expandable("accessPackageResourceRole", "accessPackageResourceScope")
      .defaultOrderBy("g.role_id")
      .build();

  static final String FROM = "resource_role_scopes g JOIN access_packages ap ON ap.id = g.access_package_id "
      + "JOIN resource_roles rr ON rr.id = g.role_id JOIN resource_scopes rs ON rs.id = g.scope_id "
      + "JOIN resources r ON r.id = rr.resource_id";
  static final String COLUMNS = "g.access_package_id, ap.catalog_id, g.created_at, g.created_by, "
      + ResourceStore.ROLE_COLUMNS + ", " + ResourceStore.SCOPE_COLUMNS + ", r.id AS resource_id, "
      + "r.catalog_id AS resource_catalog_id, r.origin_id AS resource_origin_id, r.origin_system AS resource_origin_system, "
      + "r.display_name AS resource_display_name";

  private final DatabaseClient database;

  public RoleScopeStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Page<RoleScope>> page(UUID accessPackageId, CollectionQuery query) {
    return SqlPages.fetch(database, COLUMNS, FROM, Optional.of(new SqlFragment("g.access_package_id = :scopePackage",
        Map.of("scopePackage", accessPackageId))), query, RoleScopeStore::read);
  }

  /** Every role scope of the given packages, grouped by package. */
  public Mono<Map<UUID, List<RoleScope>>> of(Collection<UUID> accessPackageIds) {
    if (accessPackageIds.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database.sql("SELECT " + COLUMNS + " FROM " + FROM
            + " WHERE g.access_package_id = ANY(:ids) ORDER BY g.access_package_id, g.created_at, g.role_id")
        .bind("ids", accessPackageIds.toArray(UUID[]::new))
        .map(RoleScopeStore::read).all()
        .<Map<UUID, List<RoleScope>>>collect(LinkedHashMap::new, (map, roleScope) -> map
            .computeIfAbsent(roleScope.accessPackageId(), key -> new ArrayList<>()).add(roleScope));
  }

  public Mono<RoleScope> find(UUID accessPackageId, RoleScopeId id) {
    return database.sql("SELECT " + COLUMNS + " FROM " + FROM
            + " WHERE g.access_package_id = :packageId AND g.role_id = :roleId AND g.scope_id = :scopeId")
        .bind("packageId", accessPackageId).bind("roleId", id.roleId()).bind("scopeId", id.scopeId())
        .map(RoleScopeStore::read).one();
  }

  public Mono<Boolean> grantsRole(UUID accessPackageId, UUID roleId) {
    return database.sql("SELECT count(*) AS n FROM resource_role_scopes WHERE access_package_id = :packageId AND role_id = :roleId")
        .bind("packageId", accessPackageId).bind("roleId", roleId)
        .map(row -> row.get("n", Long.class) > 0).one();
  }

  /** The access packages that grant any role of the resource. */
  public Mono<List<Reference>> packagesUsing(UUID resourceId) {
    return database.sql("""
            SELECT DISTINCT ap.id, ap.display_name FROM resource_role_scopes g
            JOIN resource_roles rr ON rr.id = g.role_id JOIN access_packages ap ON ap.id = g.access_package_id
            WHERE rr.resource_id = :resourceId ORDER BY ap.display_name, ap.id""")
        .bind("resourceId", resourceId)
        .map(row -> new Reference(row.get("id", UUID.class), row.get("display_name", String.class))).all().collectList();
  }

  public Mono<Void> insert(RoleScope roleScope) {
    return database.sql("""
            INSERT INTO resource_role_scopes (access_package_id, role_id, scope_id, created_at, created_by)
            VALUES (:packageId, :roleId, :scopeId, :createdAt, :createdBy)""")
        .bind("packageId", roleScope.accessPackageId())
        .bind("roleId", roleScope.role().id())
        .bind("scopeId", roleScope.scope().id())
        .bind("createdAt", ResourceStore.utc(roleScope.createdDateTime()))
        .bind("createdBy", Parameter.fromOrEmpty(roleScope.createdBy(), String.class))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(RoleScope roleScope) {
    return database.sql("DELETE FROM resource_role_scopes WHERE access_package_id = :packageId AND role_id = :roleId")
        .bind("packageId", roleScope.accessPackageId()).bind("roleId", roleScope.role().id())
        .fetch().rowsUpdated().then();
  }

  static RoleScope read(Readable row) {
    ResourceSummary resource = new ResourceSummary(row.get("resource_id", UUID.class), row.get("resource_catalog_id", UUID.class),
        row.get("resource_origin_id", String.class), OriginSystem.parse(row.get("resource_origin_system", String.class)),
        row.get("resource_display_name", String.class));
    return new RoleScope(row.get("access_package_id", UUID.class), row.get("catalog_id", UUID.class),
        ResourceStore.readRole(row), ResourceStore.readScope(row), resource,
        row.get("created_at", OffsetDateTime.class).toInstant(), row.get("created_by", String.class));
  }
}
