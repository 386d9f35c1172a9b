package org.quartermaster.provisioning.grants.persistence;

import java.time.Instant;
import java.util.UUID;
import org.quartermaster.platform.persistence.Timestamps;
import org.quartermaster.provisioning.grants.domain.RoleHolding;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** role_grants and pre_existing_roles: who holds each role for each target. */
@Repository
public class HoldingStore {

  private final DatabaseClient database;

  public HoldingStore(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Serialises every change to one target's role until the transaction ends, so two assignments acquiring and
   * releasing it at once cannot both conclude they are the last, and their operations queue in decision order.
   */
  public Mono<Void> lock(UUID targetId, String roleOriginId) {
    return database.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .bind("key", "role-holding:" + targetId + ":" + roleOriginId).fetch().rowsUpdated().then();
  }

  public Mono<RoleHolding> holding(UUID targetId, String roleOriginId) {
    return database.sql("""
            SELECT (SELECT count(*) FROM role_grants WHERE target_id = :target AND role_origin_id = :role) AS holders,
                   EXISTS (SELECT 1 FROM pre_existing_roles WHERE target_id = :target AND role_origin_id = :role) AS pre_existing""")
        .bind("target", targetId).bind("role", roleOriginId)
        .map(row -> new RoleHolding(row.get("holders", Long.class).intValue(), Boolean.TRUE.equals(row.get("pre_existing", Boolean.class))))
        .one();
  }

  public Mono<Boolean> isHolder(UUID targetId, String roleOriginId, UUID assignmentId) {
    return database.sql("""
            SELECT count(*) AS n FROM role_grants WHERE target_id = :target AND role_origin_id = :role AND assignment_id = :assignment""")
        .bind("target", targetId).bind("role", roleOriginId).bind("assignment", assignmentId)
        .map(row -> row.get("n", Long.class) > 0).one();
  }

  /** Writes the holding as the domain decided it; {@code assignmentId} joins or leaves the holders. */
  public Mono<Void> save(UUID targetId, String roleOriginId, UUID assignmentId, boolean holds, RoleHolding after, Instant now) {
    Mono<Long> holder = holds
        ? database.sql("""
              INSERT INTO role_grants (target_id, role_origin_id, assignment_id) VALUES (:target, :role, :assignment)
              ON CONFLICT DO NOTHING""")
            .bind("target", targetId).bind("role", roleOriginId).bind("assignment", assignmentId).fetch().rowsUpdated()
        : database.sql("DELETE FROM role_grants WHERE target_id = :target AND role_origin_id = :role AND assignment_id = :assignment")
            .bind("target", targetId).bind("role", roleOriginId).bind("assignment", assignmentId).fetch().rowsUpdated();
    Mono<Long> preExisting = after.preExisting()
        ? database.sql("""
              INSERT INTO pre_existing_roles (target_id, role_origin_id, recorded_at) VALUES (:target, :role, :at)
              ON CONFLICT DO NOTHING""")
            .bind("target", targetId).bind("role", roleOriginId).bind("at", Timestamps.utc(now)).fetch().rowsUpdated()
        : database.sql("DELETE FROM pre_existing_roles WHERE target_id = :target AND role_origin_id = :role")
            .bind("target", targetId).bind("role", roleOriginId).fetch().rowsUpdated();
    return holder.then(preExisting).then();
  }
}
