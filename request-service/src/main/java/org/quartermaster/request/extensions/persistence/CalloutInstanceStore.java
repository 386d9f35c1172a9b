package org.quartermaster.request.extensions.persistence;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.quartermaster.request.common.persistence.Rows;
import org.quartermaster.request.extensions.domain.CalloutInstance;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The callout_instances table: each callout of a request in the state its latest event gave it. */
@Repository
public class CalloutInstanceStore {

  private final DatabaseClient database;

  public CalloutInstanceStore(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Records a callout's new state. An event older than the one already recorded changes nothing, so the record follows
   * the order the events happened in even if one arrives late; a redelivery writes the same row again.
   */
  public Mono<Void> record(CalloutInstance instance) {
    return database.sql("""
            INSERT INTO callout_instances (id, request_id, custom_extension_id, stage, status, detail,
                external_correlation_id, first_occurred_at, occurred_at)
            VALUES (:id, :request, :extension, :stage, :status, :detail, :correlation, :occurred, :occurred)
            ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, detail = EXCLUDED.detail,
                external_correlation_id = COALESCE(EXCLUDED.external_correlation_id,
                    callout_instances.external_correlation_id),
                occurred_at = EXCLUDED.occurred_at
            WHERE callout_instances.occurred_at <= EXCLUDED.occurred_at""")
        .bind("id", instance.id())
        .bind("request", instance.requestId())
        .bind("extension", instance.customExtensionId())
        .bind("stage", instance.stage())
        .bind("status", instance.status())
        .bind("detail", Rows.text(instance.detail()))
        .bind("correlation", Rows.text(instance.externalCorrelationId()))
        .bind("occurred", Rows.utc(instance.occurredAt()))
        .fetch().rowsUpdated().then();
  }

  /** The callouts of these requests, in the order they were first reported. */
  public Flux<CalloutInstance> ofRequests(Collection<UUID> requestIds) {
    if (requestIds.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT id, request_id, custom_extension_id, stage, status, detail, external_correlation_id, "
            + "occurred_at FROM callout_instances WHERE request_id = ANY(:requests) ORDER BY request_id, first_occurred_at, id")
        .bind("requests", requestIds.toArray(UUID[]::new))
        .map(CalloutInstanceStore::read).all();
  }

  private static CalloutInstance read(Readable row) {
    return new CalloutInstance(row.get("id", UUID.class), row.get("request_id", UUID.class),
        row.get("custom_extension_id", UUID.class), row.get("stage", String.class), row.get("status", String.class),
        row.get("detail", String.class), row.get("external_correlation_id", String.class),
        Rows.instant(row, "occurred_at"));
  }
}
