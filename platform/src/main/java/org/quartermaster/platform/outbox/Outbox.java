package org.quartermaster.platform.outbox;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.EventMetadata;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends events to the service's outbox table in the caller's transaction, so an event exists
 * exactly when the state change that caused it was committed.
 *
 * <p>Write the aggregate's row before appending its events: the row lock then orders the outbox
 * positions of one aggregate the same way as its commits.
 */
public class Outbox {

  private final DatabaseClient database;
  private final EventCodec codec;
  private final TopicNames topics;
  private final String channel;

  public Outbox(DatabaseClient database, EventCodec codec, TopicNames topics, String channel) {
    this.database = database;
    this.codec = codec;
    this.topics = topics;
    this.channel = channel;
  }

  /** Must run inside a transaction; the NOTIFY is delivered by PostgreSQL only when it commits. */
  public Mono<Void> append(SpecificRecord event) {
    EventMetadata metadata = EventCodec.metadataOf(event);
    return database.sql("""
            INSERT INTO outbox (event_id, topic, message_key, event_type, payload)
            VALUES (:eventId, :topic, :key, :eventType, :payload)""")
        .bind("eventId", UUID.fromString(String.valueOf(metadata.getEventId())))
        .bind("topic", topics.of(event.getClass()))
        .bind("key", String.valueOf(metadata.getAggregateId()))
        .bind("eventType", event.getSchema().getFullName())
        .bind("payload", codec.encode(event))
        .fetch().rowsUpdated()
        .then(database.sql("SELECT pg_notify(:channel, '')").bind("channel", channel).fetch().rowsUpdated())
        .then();
  }

  public Mono<Void> appendAll(Iterable<? extends SpecificRecord> events) {
    return Flux.fromIterable(events).concatMap(this::append).then();
  }
}
