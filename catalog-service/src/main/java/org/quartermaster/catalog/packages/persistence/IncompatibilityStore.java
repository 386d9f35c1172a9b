package org.quartermaster.catalog.packages.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Which packages and groups each access package declares incompatible with it (one direction, as in Graph). */
@Repository
public class IncompatibilityStore {

  private final DatabaseClient database;

  public IncompatibilityStore(DatabaseClient database) {
    this.database = database;
  }

  /** True when the declaration is new. */
  public Mono<Boolean> addPackage(UUID accessPackageId, UUID incompatibleId) {
    return database.sql("""
            INSERT INTO incompatible_access_packages (access_package_id, incompatible_access_package_id)
            VALUES (:packageId, :otherId) ON CONFLICT DO NOTHING""")
        .bind("packageId", accessPackageId).bind("otherId", incompatibleId).fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** True when a declaration existed and was removed. */
  public Mono<Boolean> removePackage(UUID accessPackageId, UUID incompatibleId) {
    return database.sql("DELETE FROM incompatible_access_packages WHERE access_package_id = :packageId "
            + "AND incompatible_access_package_id = :otherId")
        .bind("packageId", accessPackageId).bind("otherId", incompatibleId).fetch().rowsUpdated().map(rows -> rows == 1);
  }

  public Mono<Boolean> addGroup(UUID accessPackageId, UUID groupId) {
    return database.sql("INSERT INTO incompatible_groups (access_package_id, group_id) VALUES (:packageId, :groupId) "
            + "ON CONFLICT DO NOTHING")
        .bind("packageId", accessPackageId).bind("groupId", groupId).fetch().rowsUpdated().map(rows -> rows == 1);
  }

  public Mono<Boolean> removeGroup(UUID accessPackageId, UUID groupId) {
    return database.sql("DELETE FROM incompatible_groups WHERE access_package_id = :packageId AND group_id = :groupId")
        .bind("packageId", accessPackageId).bind("groupId", groupId).fetch().rowsUpdated().map(rows -> rows == 1);
  }

  public Mono<List<UUID>> packagesDeclaredBy(UUID accessPackageId) {
    return ids("SELECT incompatible_access_package_id AS id FROM incompatible_access_packages "
        + "WHERE access_package_id = :id ORDER BY 1", accessPackageId);
  }

  public Mono<List<UUID>> packagesDeclaring(UUID accessPackageId) {
    return ids("SELECT access_package_id AS id FROM incompatible_access_packages "
        + "WHERE incompatible_access_package_id = :id ORDER BY 1", accessPackageId);
  }

  public Mono<List<UUID>> groupsDeclaredBy(UUID accessPackageId) {
    return ids("SELECT group_id AS id FROM incompatible_groups WHERE access_package_id = :id ORDER BY 1", accessPackageId);
  }

  public Mono<List<UUID>> packagesDeclaringGroup(UUID groupId) {
    return ids("SELECT access_package_id AS id FROM incompatible_groups WHERE group_id = :id ORDER BY 1", groupId);
  }

  private Mono<List<UUID>> ids(String sql, UUID id) {
    return database.sql(sql).bind("id", id).map(row -> row.get("id", UUID.class)).all().collectList();
  }
}
