package org.quartermaster.request.extensions.persistence;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.quartermaster.request.common.persistence.Rows;
import org.quartermaster.request.extensions.domain.CustomExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The custom_workflow_extensions read model. Only the projection writes here. */
@Repository
public class CustomExtensionStore {

  private final DatabaseClient database;

  public CustomExtensionStore(DatabaseClient database) {
    this.database = database;
  }

  /** Every event carries the whole extension, and one extension's events arrive in order: the latest wins. */
  public Mono<Void> upsert(CustomExtension extension) {
    return database.sql("""
            INSERT INTO custom_workflow_extensions (id, catalog_id, kind, display_name, launch_and_wait,
                duration_before_timeout)
            VALUES (:id, :catalog, :kind, :displayName, :launchAndWait, :timeout)
            ON CONFLICT (id) DO UPDATE SET catalog_id = EXCLUDED.catalog_id, kind = EXCLUDED.kind,
                display_name = EXCLUDED.display_name, launch_and_wait = EXCLUDED.launch_and_wait,
                duration_before_timeout = EXCLUDED.duration_before_timeout""")
        .bind("id", extension.id())
        .bind("catalog", extension.catalogId())
        .bind("kind", extension.kind())
        .bind("displayName", extension.displayName())
        .bind("launchAndWait", extension.launchAndWait())
        .bind("timeout", Rows.text(extension.durationBeforeTimeout() == null ? null
            : extension.durationBeforeTimeout().toString()))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM custom_workflow_extensions WHERE id = :id").bind("id", id)
        .fetch().rowsUpdated().then();
  }

  /** The extensions among these ids that the read model knows; an unknown one is one the gateway would not call. */
  public Flux<CustomExtension> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT id, catalog_id, kind, display_name, launch_and_wait, duration_before_timeout "
            + "FROM custom_workflow_extensions WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new))
        .map(CustomExtensionStore::read).all();
  }

  private static CustomExtension read(Readable row) {
    String timeout = row.get("duration_before_timeout", String.class);
    return new CustomExtension(row.get("id", UUID.class), row.get("catalog_id", UUID.class),
        row.get("kind", String.class), row.get("display_name", String.class),
        Boolean.TRUE.equals(row.get("launch_and_wait", Boolean.class)),
        timeout == null ? null : Duration.parse(timeout));
  }
}
