package org.quartermaster.provisioning.catalog.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.quartermaster.platform.persistence.Timestamps;
import org.quartermaster.provisioning.assignments.domain.RoleDefinition;
import org.quartermaster.provisioning.catalog.domain.PackageSummary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** access_packages and package_role_scopes: the catalog's packages and the roles they grant. Only the projection writes. */
@Repository
public class PackageStore {

  private final DatabaseClient database;

  public PackageStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<PackageSummary> find(UUID id) {
    return database.sql("SELECT id, catalog_id, display_name, description, is_hidden FROM access_packages WHERE id = :id")
        .bind("id", id).map(PackageStore::read).one();
  }

  public Flux<PackageSummary> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT id, catalog_id, display_name, description, is_hidden FROM access_packages WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(PackageStore::read).all();
  }

  /** The package's roles in the order the catalog added them. */
  public Mono<List<RoleDefinition>> roleScopes(UUID accessPackageId) {
    return database.sql("""
            SELECT role_scope_id, role_origin_id, resource_origin_id, resource_origin_system FROM package_role_scopes
            WHERE access_package_id = :package ORDER BY added_at, role_scope_id""")
        .bind("package", accessPackageId)
        .map(row -> new RoleDefinition(row.get("role_scope_id", String.class), row.get("role_origin_id", String.class),
            row.get("resource_origin_id", String.class), row.get("resource_origin_system", String.class)))
        .all().collectList();
  }

  /** Events of one package arrive in order, so the latest snapshot replaces the one before. */
  public Mono<Void> upsert(PackageSummary summary) {
    return database.sql("""
            INSERT INTO access_packages (id, catalog_id, display_name, description, is_hidden)
            VALUES (:id, :catalog, :name, :description, :hidden)
            ON CONFLICT (id) DO UPDATE SET catalog_id = EXCLUDED.catalog_id, display_name = EXCLUDED.display_name,
                description = EXCLUDED.description, is_hidden = EXCLUDED.is_hidden""")
        .bind("id", summary.id()).bind("catalog", summary.catalogId()).bind("name", summary.displayName())
        .bind("description", Parameter.fromOrEmpty(summary.description(), String.class)).bind("hidden", summary.hidden())
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM package_role_scopes WHERE access_package_id = :id").bind("id", id).fetch().rowsUpdated()
        .then(database.sql("DELETE FROM access_packages WHERE id = :id").bind("id", id).fetch().rowsUpdated()).then();
  }

  /** True when the role scope is new to the read model. */
  public Mono<Boolean> addRoleScope(UUID accessPackageId, RoleDefinition role, Instant at) {
    return database.sql("""
            INSERT INTO package_role_scopes (access_package_id, role_scope_id, role_origin_id, resource_origin_id,
                resource_origin_system, added_at)
            VALUES (:package, :roleScope, :roleOrigin, :resourceOrigin, :system, :addedAt)
            ON CONFLICT (access_package_id, role_scope_id) DO NOTHING""")
        .bind("package", accessPackageId).bind("roleScope", role.roleScopeId()).bind("roleOrigin", role.roleOriginId())
        .bind("resourceOrigin", role.resourceOriginId()).bind("system", role.resourceOriginSystem())
        .bind("addedAt", Timestamps.utc(at))
        .fetch().rowsUpdated().map(inserted -> inserted > 0);
  }

  public Mono<Boolean> removeRoleScope(UUID accessPackageId, String roleScopeId) {
    return database.sql("DELETE FROM package_role_scopes WHERE access_package_id = :package AND role_scope_id = :roleScope")
        .bind("package", accessPackageId).bind("roleScope", roleScopeId).fetch().rowsUpdated().map(deleted -> deleted > 0);
  }

  static PackageSummary read(Readable row) {
    return new PackageSummary(row.get("id", UUID.class), row.get("catalog_id", UUID.class), row.get("display_name", String.class),
        row.get("description", String.class), Boolean.TRUE.equals(row.get("is_hidden", Boolean.class)));
  }
}
