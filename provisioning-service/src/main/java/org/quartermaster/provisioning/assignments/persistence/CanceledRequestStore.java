package org.quartermaster.provisioning.assignments.persistence;

import java.time.Instant;
import java.util.UUID;
import org.quartermaster.platform.persistence.Timestamps;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** canceled_requests: the requests the request service canceled, so none of them is delivered afterwards. */
@Repository
public class CanceledRequestStore {

  private final DatabaseClient database;

  public CanceledRequestStore(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Serialises the delivery and the cancel of one request until the transaction ends. One partition normally orders
   * them already; this covers two instances both holding the partition for a moment during a rebalance, where a
   * delivery that missed the cancel and a cancel that missed the delivery's assignment would leave an assignment for
   * a canceled request.
   */
  public Mono<Void> lock(UUID requestId) {
    return database.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .bind("key", "assignment-request:" + requestId).fetch().rowsUpdated().then();
  }

  public Mono<Void> record(UUID requestId, Instant canceledAt) {
    return database.sql("""
            INSERT INTO canceled_requests (request_id, canceled_at) VALUES (:request, :at)
            ON CONFLICT (request_id) DO NOTHING""")
        .bind("request", requestId).bind("at", Timestamps.utc(canceledAt)).fetch().rowsUpdated().then();
  }

  public Mono<Boolean> isCanceled(UUID requestId) {
    return database.sql("SELECT count(*) AS n FROM canceled_requests WHERE request_id = :request")
        .bind("request", requestId).map(row -> row.get("n", Long.class) > 0).one();
  }
}
