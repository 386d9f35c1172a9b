package org.quartermaster.platform.inbox;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Remembers which events a consumer has applied, in the consumer's own transaction. */
public class Inbox {

  private final DatabaseClient database;

  public Inbox(DatabaseClient database) {
    this.database = database;
  }

  /** True the first time this consumer sees the event; false for every redelivery. */
  public Mono<Boolean> recordFirstDelivery(String consumer, UUID eventId) {
    return database.sql("""
            INSERT INTO inbox (consumer, event_id) VALUES (:consumer, :eventId)
            ON CONFLICT (consumer, event_id) DO NOTHING""")
        .bind("consumer", consumer)
        .bind("eventId", eventId)
        .fetch().rowsUpdated()
        .map(inserted -> inserted == 1);
  }
}
