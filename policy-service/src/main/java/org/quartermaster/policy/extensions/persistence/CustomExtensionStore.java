package org.quartermaster.policy.extensions.persistence;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.policy.policies.domain.CustomExtensionKind;
import org.quartermaster.policy.policies.domain.CustomExtensionRef;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Custom workflow extensions, as extension-gateway's events describe them. Only the projection writes here. */
@Repository
public class CustomExtensionStore {

  static final String COLUMNS = "id, catalog_id, kind, display_name, description, endpoint_url, launch_and_wait, "
      + "duration_before_timeout, timeout_in_milliseconds, maximum_retries";

  private final DatabaseClient database;

  public CustomExtensionStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<CustomExtensionRef> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM custom_workflow_extensions WHERE id = :id").bind("id", id)
        .map(CustomExtensionStore::read).one();
  }

  public Flux<CustomExtensionRef> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM custom_workflow_extensions WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(CustomExtensionStore::read).all();
  }

  /** Events of one extension arrive in order (keyed by its id), so the latest snapshot replaces the one before. */
  public Mono<Void> upsert(CustomExtensionRef extension) {
    return database.sql("""
            INSERT INTO custom_workflow_extensions (id, catalog_id, kind, display_name, description, endpoint_url,
                launch_and_wait, duration_before_timeout, timeout_in_milliseconds, maximum_retries)
            VALUES (:id, :catalogId, :kind, :displayName, :description, :endpointUrl, :launchAndWait, :timeout,
                :timeoutMs, :retries)
            ON CONFLICT (id) DO UPDATE SET catalog_id = EXCLUDED.catalog_id, kind = EXCLUDED.kind,
                display_name = EXCLUDED.display_name, description = EXCLUDED.description,
                endpoint_url = EXCLUDED.endpoint_url, launch_and_wait = EXCLUDED.launch_and_wait,
                duration_before_timeout = EXCLUDED.duration_before_timeout,
                timeout_in_milliseconds = EXCLUDED.timeout_in_milliseconds, maximum_retries = EXCLUDED.maximum_retries""")
        .bind("id", extension.id())
        .bind("catalogId", extension.catalogId())
        .bind("kind", extension.kind().graphName())
        .bind("displayName", extension.displayName())
        .bind("description", Parameter.fromOrEmpty(extension.description(), String.class))
        .bind("endpointUrl", Parameter.fromOrEmpty(extension.endpointUrl(), String.class))
        .bind("launchAndWait", extension.launchAndWait())
        .bind("timeout", Parameter.fromOrEmpty(extension.durationBeforeTimeout(), String.class))
        .bind("timeoutMs", extension.timeoutInMilliseconds())
        .bind("retries", extension.maximumRetries())
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM custom_workflow_extensions WHERE id = :id").bind("id", id).fetch().rowsUpdated()
        .then();
  }

  static CustomExtensionRef read(Readable row) {
    return new CustomExtensionRef(row.get("id", UUID.class), row.get("catalog_id", UUID.class),
        GraphEnum.parse(CustomExtensionKind.class, row.get("kind", String.class), "kind"),
        row.get("display_name", String.class), row.get("description", String.class), row.get("endpoint_url", String.class),
        Boolean.TRUE.equals(row.get("launch_and_wait", Boolean.class)), row.get("duration_before_timeout", String.class),
        row.get("timeout_in_milliseconds", Integer.class), row.get("maximum_retries", Integer.class));
  }
}
