package org.quartermaster.provisioning.expiry.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.quartermaster.platform.persistence.Timestamps;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** expiry_timers: when each live assignment expires. */
@Repository
public class TimerStore {

  private final DatabaseClient database;

  public TimerStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Void> arm(UUID assignmentId, Instant dueAt) {
    return database.sql("""
            INSERT INTO expiry_timers (assignment_id, due_at) VALUES (:id, :due)
            ON CONFLICT (assignment_id) DO UPDATE SET due_at = EXCLUDED.due_at""")
        .bind("id", assignmentId).bind("due", Timestamps.utc(dueAt)).fetch().rowsUpdated().then();
  }

  public Mono<Void> disarm(UUID assignmentId) {
    return database.sql("DELETE FROM expiry_timers WHERE assignment_id = :id").bind("id", assignmentId)
        .fetch().rowsUpdated().then();
  }

  /**
   * Claims the earliest due timer, locked for the rest of the transaction so another instance skips it.
   *
   * @param skipped timers already found busy in this round
   */
  public Mono<UUID> claimNextDue(Instant now, Collection<UUID> skipped) {
    return database.sql("""
            SELECT assignment_id FROM expiry_timers
            WHERE due_at <= :now AND NOT (assignment_id = ANY(:skipped))
            ORDER BY due_at, assignment_id
            LIMIT 1
            FOR UPDATE SKIP LOCKED""")
        .bind("now", Timestamps.utc(now)).bind("skipped", skipped.toArray(UUID[]::new))
        .map(row -> row.get("assignment_id", UUID.class)).one();
  }
}
