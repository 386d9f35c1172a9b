package org.quartermaster.platform.testapp;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Writes one ledger row per user event it applies. A display name registered with
 * {@link #failFirstAttempt} makes the first application of that event write its row and then fail,
 * so tests can see whether the row and the inbox entry were rolled back together.
 */
public class LedgerHandler implements EventHandler {

  private final DatabaseClient database;
  private final Set<String> failFirstAttempt = ConcurrentHashMap.newKeySet();
  private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

  public LedgerHandler(DatabaseClient database) {
    this.database = database;
  }

  public void failFirstAttempt(String displayName) {
    failFirstAttempt.add(displayName);
  }

  /** How often this handler was invoked for the event, whether or not the invocation committed. */
  public int attempts(UUID eventId) {
    AtomicInteger count = attempts.get(eventId);
    return count == null ? 0 : count.get();
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    DirectoryUser user = userOf(event);
    if (user == null) {
      return Mono.empty();
    }
    EventMetadata metadata = EventCodec.metadataOf(event);
    UUID eventId = UUID.fromString(String.valueOf(metadata.getEventId()));
    int attempt = attempts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
    Mono<Void> record = database.sql("""
            INSERT INTO ledger (event_id, aggregate_id, note, attempt)
            VALUES (:eventId, :aggregateId, :note, :attempt)""")
        .bind("eventId", eventId)
        .bind("aggregateId", String.valueOf(metadata.getAggregateId()))
        .bind("note", String.valueOf(user.getDisplayName()))
        .bind("attempt", attempt)
        .fetch().rowsUpdated()
        .then();
    if (attempt == 1 && failFirstAttempt.contains(String.valueOf(user.getDisplayName()))) {
      return record.then(Mono.error(new IllegalStateException("injected failure for " + user.getDisplayName())));
    }
    return record;
  }

  private static DirectoryUser userOf(SpecificRecord event) {
    if (event instanceof UserCreated created) {
      return created.getUser();
    }
    if (event instanceof UserUpdated updated) {
      return updated.getUser();
    }
    return null;
  }
}
