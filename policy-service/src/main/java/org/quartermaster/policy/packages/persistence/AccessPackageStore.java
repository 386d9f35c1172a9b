package org.quartermaster.policy.packages.persistence;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.quartermaster.policy.policies.domain.AccessPackageRef;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The catalog's access packages, as its events describe them. Only the projection writes here. */
@Repository
public class AccessPackageStore {

  static final String COLUMNS = "id, catalog_id, display_name, description, is_hidden";

  private final DatabaseClient database;

  public AccessPackageStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<AccessPackageRef> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM access_packages WHERE id = :id").bind("id", id)
        .map(AccessPackageStore::read).one();
  }

  /** FOR SHARE: the package's deletion, which removes its policies, waits for a policy being created on it. */
  public Mono<AccessPackageRef> share(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM access_packages WHERE id = :id FOR SHARE").bind("id", id)
        .map(AccessPackageStore::read).one();
  }

  /** FOR UPDATE: a policy created concurrently either commits first, and is deleted with the package, or finds none. */
  public Mono<AccessPackageRef> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM access_packages WHERE id = :id FOR UPDATE").bind("id", id)
        .map(AccessPackageStore::read).one();
  }

  public Flux<AccessPackageRef> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM access_packages WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(AccessPackageStore::read).all();
  }

  /** Events of one package arrive in order, so the latest snapshot simply replaces the one before. */
  public Mono<Void> upsert(AccessPackageRef accessPackage) {
    return database.sql("""
            INSERT INTO access_packages (id, catalog_id, display_name, description, is_hidden)
            VALUES (:id, :catalogId, :displayName, :description, :hidden)
            ON CONFLICT (id) DO UPDATE SET catalog_id = EXCLUDED.catalog_id, display_name = EXCLUDED.display_name,
                description = EXCLUDED.description, is_hidden = EXCLUDED.is_hidden""")
        .bind("id", accessPackage.id())
        .bind("catalogId", accessPackage.catalogId())
        .bind("displayName", accessPackage.displayName())
        .bind("description", Parameter.fromOrEmpty(accessPackage.description(), String.class))
        .bind("hidden", accessPackage.hidden())
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM access_packages WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  static AccessPackageRef read(Readable row) {
    return new AccessPackageRef(row.get("id", UUID.class), row.get("catalog_id", UUID.class),
        row.get("display_name", String.class), row.get("description", String.class),
        Boolean.TRUE.equals(row.get("is_hidden", Boolean.class)));
  }
}
