package org.quartermaster.provisioning.policies.persistence;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.quartermaster.platform.persistence.Timestamps;
import org.quartermaster.provisioning.assignments.domain.ExpirationPattern;
import org.quartermaster.provisioning.assignments.domain.ExpirationType;
import org.quartermaster.provisioning.policies.domain.PolicySummary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** assignment_policies: the policy service's policies, as far as provisioning needs them. Only the projection writes. */
@Repository
public class PolicyStore {

  static final String COLUMNS = "id, access_package_id, display_name, description, expiration_type, expiration_duration, "
      + "expiration_end";

  private final DatabaseClient database;

  public PolicyStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<PolicySummary> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_policies WHERE id = :id").bind("id", id)
        .map(PolicyStore::read).one();
  }

  public Flux<PolicySummary> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM assignment_policies WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(PolicyStore::read).all();
  }

  public Mono<Void> upsert(PolicySummary policy) {
    return database.sql("""
            INSERT INTO assignment_policies (id, access_package_id, display_name, description, expiration_type,
                expiration_duration, expiration_end)
            VALUES (:id, :package, :name, :description, :type, :duration, :end)
            ON CONFLICT (id) DO UPDATE SET access_package_id = EXCLUDED.access_package_id,
                display_name = EXCLUDED.display_name, description = EXCLUDED.description,
                expiration_type = EXCLUDED.expiration_type, expiration_duration = EXCLUDED.expiration_duration,
                expiration_end = EXCLUDED.expiration_end""")
        .bind("id", policy.id()).bind("package", policy.accessPackageId()).bind("name", policy.displayName())
        .bind("description", Parameter.fromOrEmpty(policy.description(), String.class))
        .bind("type", policy.expiration().type().graphName())
        .bind("duration", Parameter.fromOrEmpty(policy.expiration().duration(), String.class))
        .bind("end", Timestamps.utcOrNull(policy.expiration().endDateTime()))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM assignment_policies WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  static PolicySummary read(Readable row) {
    ExpirationPattern expiration = new ExpirationPattern(ExpirationType.parse(row.get("expiration_type", String.class)),
        row.get("expiration_duration", String.class), Timestamps.read(row, "expiration_end"));
    return new PolicySummary(row.get("id", UUID.class), row.get("access_package_id", UUID.class),
        row.get("display_name", String.class), row.get("description", String.class), expiration);
  }
}
