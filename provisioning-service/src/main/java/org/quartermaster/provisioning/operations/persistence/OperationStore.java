package org.quartermaster.provisioning.operations.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.quartermaster.platform.persistence.Timestamps;
import org.quartermaster.provisioning.assignments.domain.RoleDefinition;
import org.quartermaster.provisioning.operations.domain.OperationKind;
import org.quartermaster.provisioning.operations.domain.PendingOperation;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** pending_operations: grants and revokes not yet carried out by their target system. */
@Repository
public class OperationStore {

  static final String COLUMNS = "p.id, p.kind, p.assignment_id, p.target_id, p.role_scope_id, p.role_origin_id, "
      + "p.resource_origin_id, p.resource_origin_system, p.reassert, p.due_at, p.attempts, p.last_error, p.correlation_id";

  private final DatabaseClient database;

  public OperationStore(DatabaseClient database) {
    this.database = database;
  }

  /** Queues an operation in the caller's transaction: it exists exactly when the decision that needs it committed. */
  public Mono<Void> enqueue(OperationKind kind, UUID assignmentId, UUID targetId, RoleDefinition role, boolean reassert,
      Instant dueAt, String correlationId, Instant now) {
    return database.sql("""
            INSERT INTO pending_operations (kind, assignment_id, target_id, role_scope_id, role_origin_id, resource_origin_id,
                resource_origin_system, reassert, due_at, correlation_id, created_at)
            VALUES (:kind, :assignment, :target, :roleScope, :roleOrigin, :resourceOrigin, :system, :reassert, :dueAt,
                :correlation, :now)""")
        .bind("kind", kind.column()).bind("assignment", assignmentId).bind("target", targetId)
        .bind("roleScope", role.roleScopeId()).bind("roleOrigin", role.roleOriginId())
        .bind("resourceOrigin", role.resourceOriginId()).bind("system", role.resourceOriginSystem())
        .bind("reassert", reassert).bind("dueAt", Timestamps.utc(dueAt))
        .bind("correlation", Parameter.fromOrEmpty(correlationId, String.class)).bind("now", Timestamps.utc(now))
        .fetch().rowsUpdated().then();
  }

  /**
   * Claims the next due operation and locks it for the rest of the transaction; another instance skips it. An
   * operation waits while an earlier one on the same target's role is queued, so a revoke never overtakes the grant
   * it undoes, nor a grant the revoke it follows.
   */
  public Mono<PendingOperation> claimNextDue(Instant now) {
    return database.sql("SELECT " + COLUMNS + """
             FROM pending_operations p
            WHERE p.due_at <= :now
              AND NOT EXISTS (SELECT 1 FROM pending_operations e
                              WHERE e.target_id = p.target_id AND e.role_origin_id = p.role_origin_id AND e.id < p.id)
            ORDER BY p.due_at, p.id
            LIMIT 1
            FOR UPDATE OF p SKIP LOCKED""")
        .bind("now", Timestamps.utc(now))
        .map(OperationStore::read).one();
  }

  /**
   * Drops the assignment's grants that no worker is carrying out right now; returns how many. A grant a worker holds
   * is skipped rather than waited for (the worker locks the assignment next, so waiting could deadlock): it finishes,
   * finds the assignment no longer live, and any revoke queued after it runs only once it is gone.
   */
  public Mono<Long> dropPendingGrants(UUID assignmentId) {
    return database.sql("""
            DELETE FROM pending_operations WHERE id IN (
                SELECT id FROM pending_operations WHERE assignment_id = :assignment AND kind = 'grant'
                FOR UPDATE SKIP LOCKED)""")
        .bind("assignment", assignmentId).fetch().rowsUpdated();
  }

  public Mono<Void> delete(long id) {
    return database.sql("DELETE FROM pending_operations WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  public Mono<Void> postpone(long id, Instant dueAt, int attempts, String error) {
    return database.sql("UPDATE pending_operations SET due_at = :dueAt, attempts = :attempts, last_error = :error WHERE id = :id")
        .bind("id", id).bind("dueAt", Timestamps.utc(dueAt)).bind("attempts", attempts)
        .bind("error", Parameter.fromOrEmpty(error, String.class))
        .fetch().rowsUpdated().then();
  }

  static PendingOperation read(Readable row) {
    RoleDefinition role = new RoleDefinition(row.get("role_scope_id", String.class), row.get("role_origin_id", String.class),
        row.get("resource_origin_id", String.class), row.get("resource_origin_system", String.class));
    return new PendingOperation(row.get("id", Long.class), OperationKind.of(row.get("kind", String.class)),
        row.get("assignment_id", UUID.class), row.get("target_id", UUID.class), role,
        Boolean.TRUE.equals(row.get("reassert", Boolean.class)), Timestamps.read(row, "due_at"),
        row.get("attempts", Integer.class), row.get("last_error", String.class), row.get("correlation_id", String.class));
  }
}
