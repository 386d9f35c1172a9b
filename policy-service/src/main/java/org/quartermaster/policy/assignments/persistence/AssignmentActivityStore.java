package org.quartermaster.policy.assignments.persistence;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Each assignment's policy and whether it is active, as provisioning's events describe it. Only the projection writes. */
@Repository
public class AssignmentActivityStore {

  private final DatabaseClient database;

  public AssignmentActivityStore(DatabaseClient database) {
    this.database = database;
  }

  /** Events of one assignment arrive in order (they share the target's key), so the latest state wins. */
  public Mono<Void> record(UUID assignmentId, UUID policyId, UUID accessPackageId, UUID targetId, String state,
      boolean active) {
    return database.sql("""
            INSERT INTO policy_assignments (id, policy_id, access_package_id, target_id, state, is_active)
            VALUES (:id, :policyId, :packageId, :targetId, :state, :active)
            ON CONFLICT (id) DO UPDATE SET policy_id = EXCLUDED.policy_id, access_package_id = EXCLUDED.access_package_id,
                target_id = EXCLUDED.target_id, state = EXCLUDED.state, is_active = EXCLUDED.is_active""")
        .bind("id", assignmentId)
        .bind("policyId", Parameter.fromOrEmpty(policyId, UUID.class))
        .bind("packageId", accessPackageId)
        .bind("targetId", targetId)
        .bind("state", state)
        .bind("active", active)
        .fetch().rowsUpdated().then();
  }

  public Mono<Long> countActive(UUID policyId) {
    return database.sql("SELECT count(*) AS active FROM policy_assignments WHERE policy_id = :policyId AND is_active")
        .bind("policyId", policyId).map(row -> row.get("active", Long.class)).one();
  }
}
