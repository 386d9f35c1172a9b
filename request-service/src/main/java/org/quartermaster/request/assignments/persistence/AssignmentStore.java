package org.quartermaster.request.assignments.persistence;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.common.persistence.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The assignments read model. Only the delivery projection writes here. */
@Repository
public class AssignmentStore {

  private static final String COLUMNS = "id, access_package_id, catalog_id, assignment_policy_id, target_id, state, status, "
      + "request_id, start_at, expiration_at";
  private static final String ACTIVE = Assignment.ACTIVE.stream().sorted().map(state -> "'" + state + "'")
      .collect(Collectors.joining(", ", "(", ")"));

  private final DatabaseClient database;

  public AssignmentStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Assignment> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignments WHERE id = :id").bind("id", id)
        .map(AssignmentStore::read).one();
  }

  public Flux<Assignment> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM assignments WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(AssignmentStore::read).all();
  }

  /** An assignment of the target to the package under the policy that is delivered or being delivered. */
  public Mono<Assignment> active(UUID targetId, UUID accessPackageId, UUID policyId) {
    return database.sql("SELECT " + COLUMNS + " FROM assignments WHERE target_id = :target AND access_package_id = :package "
            + "AND assignment_policy_id = :policy AND state IN " + ACTIVE + " LIMIT 1")
        .bind("target", targetId).bind("package", accessPackageId).bind("policy", policyId)
        .map(AssignmentStore::read).one();
  }

  /** Every event carries the whole assignment, and one target's events arrive in order: the latest replaces the one before. */
  public Mono<Void> upsert(Assignment assignment) {
    return database.sql("""
            INSERT INTO assignments (id, access_package_id, catalog_id, assignment_policy_id, target_id, state, status,
                request_id, start_at, expiration_at)
            VALUES (:id, :package, :catalog, :policy, :target, :state, :status, :request, :start, :expiration)
            ON CONFLICT (id) DO UPDATE SET access_package_id = EXCLUDED.access_package_id, catalog_id = EXCLUDED.catalog_id,
                assignment_policy_id = EXCLUDED.assignment_policy_id, target_id = EXCLUDED.target_id,
                state = EXCLUDED.state, status = EXCLUDED.status, request_id = EXCLUDED.request_id,
                start_at = EXCLUDED.start_at, expiration_at = EXCLUDED.expiration_at""")
        .bind("id", assignment.id())
        .bind("package", assignment.accessPackageId())
        .bind("catalog", Rows.uuid(assignment.catalogId()))
        .bind("policy", Rows.uuid(assignment.assignmentPolicyId()))
        .bind("target", assignment.targetId())
        .bind("state", assignment.state())
        .bind("status", assignment.status())
        .bind("request", Rows.uuid(assignment.requestId()))
        .bind("start", Rows.utc(assignment.startDateTime()))
        .bind("expiration", Rows.utc(assignment.expirationDateTime()))
        .fetch().rowsUpdated().then();
  }

  private static Assignment read(Readable row) {
    return new Assignment(row.get("id", UUID.class), row.get("access_package_id", UUID.class),
        row.get("catalog_id", UUID.class), row.get("assignment_policy_id", UUID.class), row.get("target_id", UUID.class),
        row.get("state", String.class), row.get("status", String.class), row.get("request_id", UUID.class),
        Rows.instant(row, "start_at"), Rows.instant(row, "expiration_at"));
  }
}
