package org.quartermaster.request.packages.persistence;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.quartermaster.request.common.persistence.Rows;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The access_packages read model. Only the projection writes here. */
@Repository
public class AccessPackageStore {

  private static final String COLUMNS = "id, catalog_id, display_name, description, is_hidden";

  private final DatabaseClient database;

  public AccessPackageStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<AccessPackageSummary> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM access_packages WHERE id = :id").bind("id", id)
        .map(AccessPackageStore::read).one();
  }

  public Flux<AccessPackageSummary> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM access_packages WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(AccessPackageStore::read).all();
  }

  public Mono<Void> upsert(AccessPackageSummary accessPackage) {
    return database.sql("""
            INSERT INTO access_packages (id, catalog_id, display_name, description, is_hidden)
            VALUES (:id, :catalog, :displayName, :description, :hidden)
            ON CONFLICT (id) DO UPDATE SET catalog_id = EXCLUDED.catalog_id, display_name = EXCLUDED.display_name,
                description = EXCLUDED.description, is_hidden = EXCLUDED.is_hidden""")
        .bind("id", accessPackage.id())
        .bind("catalog", accessPackage.catalogId())
        .bind("displayName", accessPackage.displayName())
        .bind("description", Rows.text(accessPackage.description()))
        .bind("hidden", accessPackage.hidden())
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM access_packages WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  private static AccessPackageSummary read(Readable row) {
    return new AccessPackageSummary(row.get("id", UUID.class), row.get("catalog_id", UUID.class),
        row.get("display_name", String.class), row.get("description", String.class),
        Boolean.TRUE.equals(row.get("is_hidden", Boolean.class)));
  }
}
