package org.quartermaster.catalog.packages.persistence;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.catalog.common.domain.Audit;
import org.quartermaster.catalog.common.domain.Reference;
import org.quartermaster.catalog.packages.domain.AccessPackage;
import org.quartermaster.catalog.packages.domain.PackageProfile;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The access_packages table. */
@Repository
public class AccessPackageStore {

  public static final QueryModel QUERY_MODEL = QueryModel.builder("accessPackages")
      .property("id", "ap.id", PropertyType.GUID)
      .property("displayName", "ap.display_name", PropertyType.STRING)
      .property("description", "ap.description", PropertyType.STRING)
      .property("isHidden", "ap.is_hidden", PropertyType.BOOLEAN)
      .property("createdDateTime", "ap.created_at", PropertyType.DATETIME)
      .property("modifiedDateTime", "ap.modified_at", PropertyType.DATETIME)
      .property("catalog/id", "ap.catalog_id", PropertyType.GUID)
      .sortable("displayName", "createdDateTime", "modifiedDateTime")
      .expandable("catalog", "resourceRoleScopes", "resourceRoleScopes/role", "resourceRoleScopes/scope",
          "incompatibleAccessPackages", "incompatibleGroups", "accessPackagesIncompatibleWith", "assignmentPolicies")
      .defaultOrderBy("ap.id")
      .build();

  public static final QueryModel BETA_QUERY_MODEL = QueryModel.builder("accessPackages")
      .property("id", "ap.id", PropertyType.GUID)
      .property("catalogId", "ap.catalog_id", PropertyType.GUID)
      .property("displayName", "ap.display_name", PropertyType.STRING)
      .property("description", "ap.description", PropertyType.STRING)
      .property("isHidden", "ap.is_hidden", PropertyType.BOOLEAN)
      .property("isRoleScopesVisible", "ap.is_role_scopes_visible", PropertyType.BOOLEAN)
      .property("createdBy", "ap.created_by", PropertyType.STRING)
      .property("createdDateTime", "ap.created_at", PropertyType.DATETIME)
      .property("modifiedBy", "ap.modified_by", PropertyType.STRING)
      .property("modifiedDateTime", "ap.modified_at", PropertyType.DATETIME)
      .property("accessPackageCatalog/id", "ap.catalog_id", PropertyType.GUID)
      .sortable("displayName", "createdDateTime", "modifiedDateTime")
      .expandable("accessPackageCatalog", "accessPackageResourceRoleScopes",
          "accessPackageResourceRoleScopes/accessPackageResourceRole",
          "accessPackageResourceRoleScopes/accessPackageResourceScope",
          "incompatibleAccessPackages", "incompatibleGroups", "accessPackagesIncompatibleWith",
          "accessPackageAssignmentPolicies")
      .defaultOrderBy("ap.id")
      .build();

  static final String COLUMNS = "ap.id, ap.catalog_id, ap.display_name, ap.description, ap.is_hidden, "
      + "ap.is_role_scopes_visible, ap.created_at, ap.modified_at, ap.created_by, ap.modified_by";

  private final DatabaseClient database;

  public AccessPackageStore(DatabaseClient database) {
    this.database = database;
  }

  /** @param scope the caller's own condition on {@code ap}, e.g. "in this catalog" */
  public Mono<Page<AccessPackage>> page(CollectionQuery query, Optional<SqlFragment> scope) {
    return SqlPages.fetch(database, COLUMNS, "access_packages ap", scope, query, AccessPackageStore::read);
  }

  public static Optional<SqlFragment> inCatalog(UUID catalogId) {
    return Optional.of(new SqlFragment("ap.catalog_id = :scopeCatalog", Map.of("scopeCatalog", catalogId)));
  }

  /** The packages the given one declares incompatible. */
  public static Optional<SqlFragment> declaredIncompatibleBy(UUID accessPackageId) {
    return Optional.of(new SqlFragment("ap.id IN (SELECT i.incompatible_access_package_id FROM incompatible_access_packages i "
        + "WHERE i.access_package_id = :scopePackage)", Map.of("scopePackage", accessPackageId)));
  }

  /** The packages that declare the given one incompatible (Graph's accessPackagesIncompatibleWith). */
  public static Optional<SqlFragment> declaringIncompatible(UUID accessPackageId) {
    return Optional.of(new SqlFragment("ap.id IN (SELECT i.access_package_id FROM incompatible_access_packages i "
        + "WHERE i.incompatible_access_package_id = :scopePackage)", Map.of("scopePackage", accessPackageId)));
  }

  public Mono<AccessPackage> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM access_packages ap WHERE ap.id = :id").bind("id", id)
        .map(AccessPackageStore::read).one();
  }

  /** Locks the row, so one package's changes serialise and keep their event order. */
  public Mono<AccessPackage> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM access_packages ap WHERE ap.id = :id FOR UPDATE").bind("id", id)
        .map(AccessPackageStore::read).one();
  }

  public Flux<AccessPackage> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM access_packages ap WHERE ap.id = ANY(:ids) ORDER BY ap.id")
        .bind("ids", ids.toArray(UUID[]::new)).map(AccessPackageStore::read).all();
  }

  public Mono<List<Reference>> inCatalogByName(UUID catalogId) {
    return database.sql("SELECT id, display_name FROM access_packages WHERE catalog_id = :catalogId ORDER BY display_name, id")
        .bind("catalogId", catalogId)
        .map(row -> new Reference(row.get("id", UUID.class), row.get("display_name", String.class))).all().collectList();
  }

  public Mono<Void> insert(AccessPackage accessPackage) {
    PackageProfile profile = accessPackage.profile();
    Audit audit = accessPackage.audit();
    return database.sql("""
            INSERT INTO access_packages (id, catalog_id, display_name, description, is_hidden, is_role_scopes_visible,
                                         created_at, modified_at, created_by, modified_by)
            VALUES (:id, :catalogId, :displayName, :description, :hidden, :visible, :createdAt, :modifiedAt,
                    :createdBy, :modifiedBy)""")
        .bind("id", accessPackage.id())
        .bind("catalogId", accessPackage.catalogId())
        .bind("displayName", profile.displayName())
        .bind("description", Parameter.fromOrEmpty(profile.description(), String.class))
        .bind("hidden", profile.hidden())
        .bind("visible", profile.roleScopesVisible())
        .bind("createdAt", ResourceStore.utc(audit.createdDateTime()))
        .bind("modifiedAt", ResourceStore.utc(audit.modifiedDateTime()))
        .bind("createdBy", Parameter.fromOrEmpty(audit.createdBy(), String.class))
        .bind("modifiedBy", Parameter.fromOrEmpty(audit.modifiedBy(), String.class))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> update(AccessPackage accessPackage) {
    PackageProfile profile = accessPackage.profile();
    return database.sql("""
            UPDATE access_packages SET display_name = :displayName, description = :description, is_hidden = :hidden,
                   is_role_scopes_visible = :visible, modified_at = :modifiedAt, modified_by = :modifiedBy
            WHERE id = :id""")
        .bind("id", accessPackage.id())
        .bind("displayName", profile.displayName())
        .bind("description", Parameter.fromOrEmpty(profile.description(), String.class))
        .bind("hidden", profile.hidden())
        .bind("visible", profile.roleScopesVisible())
        .bind("modifiedAt", ResourceStore.utc(accessPackage.audit().modifiedDateTime()))
        .bind("modifiedBy", Parameter.fromOrEmpty(accessPackage.audit().modifiedBy(), String.class))
        .fetch().rowsUpdated().then();
  }

  /** Its role scopes and incompatibilities go with it (ON DELETE CASCADE). */
  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM access_packages WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  static AccessPackage read(Readable row) {
    PackageProfile profile = new PackageProfile(row.get("display_name", String.class), row.get("description", String.class),
        Boolean.TRUE.equals(row.get("is_hidden", Boolean.class)),
        Boolean.TRUE.equals(row.get("is_role_scopes_visible", Boolean.class)));
    Audit audit = new Audit(row.get("created_at", OffsetDateTime.class).toInstant(), row.get("created_by", String.class),
        row.get("modified_at", OffsetDateTime.class).toInstant(), row.get("modified_by", String.class));
    return new AccessPackage(row.get("id", UUID.class), row.get("catalog_id", UUID.class), profile, audit);
  }
}
