package org.quartermaster.platform.testapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.platform.outbox.EventMetadataFactory;
import org.quartermaster.platform.outbox.Outbox;
import org.quartermaster.testing.RunningService;
import org.quartermaster.testing.ServiceNamespace;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A running {@link PlatformTestApplication} and what a test reads and does through its beans. */
public final class PlatformTestService implements AutoCloseable {

  private static final Duration BLOCK = Duration.ofSeconds(30);

  private final RunningService service;

  private PlatformTestService(RunningService service) {
    this.service = service;
  }

  public static PlatformTestService start(ServiceNamespace namespace) {
    return new PlatformTestService(PlatformTestApplication.start(namespace));
  }

  public static PlatformTestService start(ServiceNamespace namespace, Map<String, Object> overrides) {
    return new PlatformTestService(PlatformTestApplication.start(namespace, overrides));
  }

  public <T> T bean(Class<T> type) {
    return service.context().getBean(type);
  }

  public String schema() {
    return service.namespace().schema(PlatformTestApplication.NAME);
  }

  public EventMetadata newMetadata(String aggregateId) {
    return bean(EventMetadataFactory.class).create(aggregateId).block(BLOCK);
  }

  /** Appends the events in one transaction and waits for its commit. */
  public void commit(SpecificRecord... events) {
    bean(TransactionalOperator.class).transactional(bean(Outbox.class).appendAll(List.of(events))).block(BLOCK);
  }

  /** Appends the event in a transaction that then fails, and returns the failure. */
  public Throwable appendAndRollBack(SpecificRecord event) {
    Mono<Void> failing = bean(Outbox.class).append(event).then(Mono.error(new IllegalStateException("use case failed")));
    return bean(TransactionalOperator.class).transactional(failing)
        .then(Mono.<Throwable>empty())
        .onErrorResume(Mono::just)
        .block(BLOCK);
  }

  public long outboxSize() {
    return count("SELECT count(*) AS n FROM outbox", Map.of());
  }

  public long outboxEntries(UUID eventId) {
    return count("SELECT count(*) AS n FROM outbox WHERE event_id = :eventId", Map.of("eventId", eventId));
  }

  public long inboxEntries(String consumer, UUID eventId) {
    return count("SELECT count(*) AS n FROM inbox WHERE consumer = :consumer AND event_id = :eventId",
        Map.of("consumer", consumer, "eventId", eventId));
  }

  /** The ledger rows written for one event, oldest first. */
  public List<LedgerRow> ledger(UUID eventId) {
    return bean(DatabaseClient.class)
        .sql("SELECT aggregate_id, note, attempt FROM ledger WHERE event_id = :eventId ORDER BY position")
        .bind("eventId", eventId)
        .map(row -> new LedgerRow(eventId, row.get("aggregate_id", String.class), row.get("note", String.class),
            row.get("attempt", Integer.class)))
        .all().collectList().block(BLOCK);
  }

  private long count(String sql, Map<String, Object> bindings) {
    DatabaseClient.GenericExecuteSpec spec = bean(DatabaseClient.class).sql(sql);
    for (Map.Entry<String, Object> binding : bindings.entrySet()) {
      spec = spec.bind(binding.getKey(), binding.getValue());
    }
    return spec.map(row -> row.get("n", Long.class)).one().block(BLOCK);
  }

  @Override
  public void close() {
    service.close();
  }

  /** One application of an event by the ledger consumer. */
  public record LedgerRow(UUID eventId, String aggregateId, String note, int attempt) {
  }
}
