package org.quartermaster.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes committed outbox rows to Kafka in position order and then deletes them.
 *
 * <p>A transaction-scoped advisory lock lets only one instance of a service drain at a time, so
 * two instances never publish one key's events out of order. A crash between the Kafka ack and the
 * delete republishes the batch; consumers are idempotent by event id.
 */
public class OutboxRelay implements SmartLifecycle {

  static final String EVENT_ID_HEADER = "qm-event-id";
  static final String EVENT_TYPE_HEADER = "qm-event-type";
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final DatabaseClient database;
  private final TransactionalOperator transactions;
  private final KafkaTemplate<String, byte[]> kafka;
  private final OutboxNotifications notifications;
  private final String lockName;
  private final Duration pollInterval;
  private final int batchSize;
  private final boolean haltBeforePublishing;
  private volatile Disposable running;

  public OutboxRelay(DatabaseClient database, TransactionalOperator transactions, KafkaTemplate<String, byte[]> kafka,
      OutboxNotifications notifications, String schema, Duration pollInterval, int batchSize,
      boolean haltBeforePublishing) {
    this.database = database;
    this.transactions = transactions;
    this.kafka = kafka;
    this.notifications = notifications;
    this.lockName = "quartermaster.outbox." + schema;
    this.pollInterval = pollInterval;
    this.batchSize = batchSize;
    this.haltBeforePublishing = haltBeforePublishing;
  }

  @Override
  public void start() {
    running = Flux.merge(notifications.wakeups(), Flux.interval(Duration.ZERO, pollInterval))
        .onBackpressureLatest()
        .concatMap(wakeup -> drain().onErrorResume(error -> {
          log.warn("outbox relay pass failed; the next wakeup retries", error);
          return Mono.empty();
        }), 1)
        .subscribe();
  }

  /** Publishes until the outbox is empty or another instance holds the lock. */
  public Mono<Void> drain() {
    return publishBatch().expand(published -> published == batchSize ? publishBatch() : Mono.empty()).then();
  }

  private Mono<Integer> publishBatch() {
    Mono<Integer> batch = database.sql("SELECT pg_try_advisory_xact_lock(hashtext(:lock)) AS locked")
        .bind("lock", lockName)
        .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
        .one()
        .flatMap(locked -> locked ? publishLocked() : Mono.just(0));
    return transactions.transactional(batch);
  }

  private Mono<Integer> publishLocked() {
    return database.sql("""
            SELECT position, event_id, topic, message_key, event_type, payload
            FROM outbox ORDER BY position LIMIT :limit""")
        .bind("limit", batchSize)
        .map(row -> new PendingEvent(
            row.get("position", Long.class),
            String.valueOf(row.get("event_id")),
            row.get("topic", String.class),
            row.get("message_key", String.class),
            row.get("event_type", String.class),
            toBytes(row.get("payload"))))
        .all()
        .collectList()
        .flatMap(pending -> pending.isEmpty()
            ? Mono.just(0)
            : Mono.fromCallable(() -> send(pending)).subscribeOn(Schedulers.boundedElastic())
                .then(delete(pending))
                .thenReturn(pending.size()));
  }

  private static byte[] toBytes(Object payload) {
    if (payload instanceof byte[] bytes) {
      return bytes;
    }
    if (payload instanceof java.nio.ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    }
    throw new IllegalStateException("unexpected payload type " + payload);
  }

  private Void send(List<PendingEvent> pending) throws Exception {
    if (haltBeforePublishing) {
      // Fault injection for the crash test: die like kill -9 between a commit and its publication.
      log.error("halting before publishing {} committed event(s), as configured", pending.size());
      Runtime.getRuntime().halt(137);
    }
    // All sends are issued before waiting: the idempotent producer keeps their order per partition.
    List<CompletableFuture<?>> acks = new ArrayList<>(pending.size());
    for (PendingEvent event : pending) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
      record.headers().add(EVENT_ID_HEADER, event.eventId().getBytes(StandardCharsets.UTF_8));
      record.headers().add(EVENT_TYPE_HEADER, event.eventType().getBytes(StandardCharsets.UTF_8));
      acks.add(kafka.send(record));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    return null;
  }

  private Mono<Long> delete(List<PendingEvent> published) {
    Long[] positions = published.stream().map(PendingEvent::position).toArray(Long[]::new);
    return database.sql("DELETE FROM outbox WHERE position = ANY(:positions)")
        .bind("positions", positions)
        .fetch().rowsUpdated();
  }

  @Override
  public void stop() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
    running = null;
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }

  /** Stops early, before the Kafka producer and the connection pool go away. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private record PendingEvent(long position, String eventId, String topic, String key, String eventType, byte[] payload) {
  }
}
