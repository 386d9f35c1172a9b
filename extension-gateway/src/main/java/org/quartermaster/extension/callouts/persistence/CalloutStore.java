package org.quartermaster.extension.callouts.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.quartermaster.extension.callouts.domain.Callout;
import org.quartermaster.extension.callouts.domain.CalloutStatus;
import org.quartermaster.extension.definitions.domain.Stage;
import org.quartermaster.platform.persistence.Timestamps;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** callouts: one row per call; queued while next_attempt_at is set, waiting for a callback while callback_due_at is. */
@Repository
public class CalloutStore {

  static final String COLUMNS = "c.id, c.extension_id, c.stage, c.request_id, c.assignment_id, c.access_package_id, "
      + "c.target_id, c.launch_and_wait, c.status, c.attempts, c.last_http_status, c.detail, c.next_attempt_at, "
      + "c.callback_due_at";

  private final DatabaseClient database;

  public CalloutStore(DatabaseClient database) {
    this.database = database;
  }

  /** A callout claimed for sending, with what the worker needs beyond the domain's state. */
  public record Claimed(Callout callout, String payload, String endpointHost, String correlationId) {
  }

  /**
   * Queues a callout in the caller's transaction; false when this source event already queued it for this extension
   * (a redelivered event).
   */
  public Mono<Boolean> insert(Callout callout, String sourceKey, String payload, String endpointHost, String correlationId,
      Instant now) {
    return database.sql("""
            INSERT INTO callouts (id, extension_id, stage, source_event_id, request_id, assignment_id, access_package_id,
                target_id, launch_and_wait, status, attempts, payload, endpoint_host, next_attempt_at, correlation_id,
                created_at)
            VALUES (:id, :extension, :stage, :source, :request, :assignment, :package, :target, :wait, :status, 0,
                :payload, :host, :due, :correlation, :now)
            ON CONFLICT (source_event_id, extension_id) DO NOTHING""")
        .bind("id", callout.id()).bind("extension", callout.extensionId()).bind("stage", callout.stage().graphName())
        .bind("source", sourceKey)
        .bind("request", Parameter.fromOrEmpty(callout.requestId(), UUID.class))
        .bind("assignment", Parameter.fromOrEmpty(callout.assignmentId(), UUID.class))
        .bind("package", callout.accessPackageId()).bind("target", callout.targetId())
        .bind("wait", callout.launchAndWait()).bind("status", callout.status().column())
        .bind("payload", payload).bind("host", endpointHost).bind("due", Timestamps.utc(callout.nextAttemptAt()))
        .bind("correlation", Parameter.fromOrEmpty(correlationId, String.class)).bind("now", Timestamps.utc(now))
        .fetch().rowsUpdated().map(rows -> rows > 0);
  }

  /**
   * Claims the next due callout whose endpoint host is not saturated, and locks it for the rest of the transaction;
   * another worker or instance skips it, so no callout is sent twice at once.
   */
  public Mono<Claimed> claimNextDue(Instant now, Collection<String> busyHosts) {
    return database.sql("SELECT " + COLUMNS + ", c.payload, c.endpoint_host, c.correlation_id FROM callouts c"
            + " WHERE c.next_attempt_at <= :now AND NOT (c.endpoint_host = ANY(:busy))"
            + " ORDER BY c.next_attempt_at, c.created_at LIMIT 1 FOR UPDATE SKIP LOCKED")
        .bind("now", Timestamps.utc(now)).bind("busy", busyHosts.toArray(String[]::new))
        .map(row -> new Claimed(read(row), row.get("payload", String.class), row.get("endpoint_host", String.class),
            row.get("correlation_id", String.class)))
        .one();
  }

  /** Claims the next callout whose callback is overdue, with the same locking as {@link #claimNextDue}. */
  public Mono<Callout> claimNextOverdueCallback(Instant now) {
    return database.sql("SELECT " + COLUMNS + " FROM callouts c WHERE c.callback_due_at <= :now"
            + " ORDER BY c.callback_due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
        .bind("now", Timestamps.utc(now)).map(CalloutStore::read).one();
  }

  /** Locks one callout until the transaction ends, so two callbacks for it are taken one after the other. */
  public Mono<Callout> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM callouts c WHERE c.id = :id FOR UPDATE").bind("id", id)
        .map(CalloutStore::read).one();
  }

  public Mono<String> correlationId(UUID id) {
    return database.sql("SELECT correlation_id FROM callouts WHERE id = :id").bind("id", id)
        .map(row -> row.get("correlation_id", String.class)).one();
  }

  public Mono<Void> update(Callout callout, Instant now) {
    boolean invoked = callout.status() == CalloutStatus.CALLOUT_SENT || callout.status() == CalloutStatus.WAITING_FOR_CALLBACK;
    boolean finished = callout.nextAttemptAt() == null && callout.callbackDueAt() == null;
    return database.sql("""
            UPDATE callouts SET status = :status, attempts = :attempts, last_http_status = :http, detail = :detail,
                next_attempt_at = :next, callback_due_at = :callback,
                invoked_at = CASE WHEN :invoked THEN :now ELSE invoked_at END,
                completed_at = CASE WHEN :finished THEN :now ELSE NULL END
             WHERE id = :id""")
        .bind("id", callout.id()).bind("status", callout.status().column()).bind("attempts", callout.attempts())
        .bind("http", Parameter.fromOrEmpty(callout.lastHttpStatus(), Integer.class))
        .bind("detail", Parameter.fromOrEmpty(callout.detail(), String.class))
        .bind("next", Timestamps.utcOrNull(callout.nextAttemptAt()))
        .bind("callback", Timestamps.utcOrNull(callout.callbackDueAt()))
        .bind("invoked", invoked).bind("finished", finished).bind("now", Timestamps.utc(now))
        .fetch().rowsUpdated().then();
  }

  public Flux<Callout> ofRequest(UUID requestId) {
    return database.sql("SELECT " + COLUMNS + " FROM callouts c WHERE c.request_id = :request ORDER BY c.created_at, c.id")
        .bind("request", requestId).map(CalloutStore::read).all();
  }

  /**
   * Drops an assignment's pre-expiration callouts that have not been tried yet: the assignment ended or got a new
   * expiry. One a worker is sending right now is left to finish.
   */
  public Mono<Long> dropUnsentPreExpiry(UUID assignmentId) {
    return database.sql("""
            DELETE FROM callouts WHERE id IN (
                SELECT id FROM callouts
                 WHERE assignment_id = :assignment AND stage = ANY(:stages) AND status = 'queued' AND attempts = 0
                 FOR UPDATE SKIP LOCKED)""")
        .bind("assignment", assignmentId)
        .bind("stages", new String[] {Stage.ASSIGNMENT_FOURTEEN_DAYS_BEFORE_EXPIRATION.graphName(),
            Stage.ASSIGNMENT_ONE_DAY_BEFORE_EXPIRATION.graphName()})
        .fetch().rowsUpdated();
  }

  static Callout read(Readable row) {
    return new Callout(row.get("id", UUID.class), row.get("extension_id", UUID.class),
        Stage.lookup(row.get("stage", String.class)).orElseThrow(), row.get("request_id", UUID.class),
        row.get("assignment_id", UUID.class), row.get("access_package_id", UUID.class), row.get("target_id", UUID.class),
        Boolean.TRUE.equals(row.get("launch_and_wait", Boolean.class)),
        CalloutStatus.ofColumn(row.get("status", String.class)), row.get("attempts", Integer.class),
        row.get("last_http_status", Integer.class), row.get("detail", String.class),
        Timestamps.read(row, "next_attempt_at"), Timestamps.read(row, "callback_due_at"));
  }
}
