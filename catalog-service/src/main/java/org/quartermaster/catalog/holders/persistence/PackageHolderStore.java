package org.quartermaster.catalog.holders.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The policies and assignments that hold each access package, as their owners' events told us. */
@Repository
public class PackageHolderStore {

  private final DatabaseClient database;

  public PackageHolderStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Void> savePolicy(UUID policyId, UUID accessPackageId, String displayName) {
    return database.sql("""
            INSERT INTO package_policies (policy_id, access_package_id, display_name) VALUES (:id, :package, :name)
            ON CONFLICT (policy_id) DO UPDATE SET access_package_id = EXCLUDED.access_package_id,
                                                  display_name = EXCLUDED.display_name""")
        .bind("id", policyId).bind("package", accessPackageId).bind("name", displayName)
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> deletePolicy(UUID policyId) {
    return database.sql("DELETE FROM package_policies WHERE policy_id = :id").bind("id", policyId)
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> saveAssignment(UUID assignmentId, UUID accessPackageId, boolean active) {
    return database.sql("""
            INSERT INTO package_assignments (assignment_id, access_package_id, active) VALUES (:id, :package, :active)
            ON CONFLICT (assignment_id) DO UPDATE SET active = EXCLUDED.active""")
        .bind("id", assignmentId).bind("package", accessPackageId).bind("active", active)
        .fetch().rowsUpdated().then();
  }

  /** "'Specific users' (id)" for each policy of the package, ordered by name. */
  public Mono<List<String>> policiesOf(UUID accessPackageId) {
    return database.sql("SELECT policy_id, display_name FROM package_policies WHERE access_package_id = :package ORDER BY display_name")
        .bind("package", accessPackageId)
        .map(row -> "'" + row.get("display_name", String.class) + "' (" + row.get("policy_id", UUID.class) + ")")
        .all().collectList();
  }

  public Mono<Long> activeAssignmentsOf(UUID accessPackageId) {
    return database.sql("SELECT count(*) AS n FROM package_assignments WHERE access_package_id = :package AND active")
        .bind("package", accessPackageId)
        .map(row -> row.get("n", Long.class)).one();
  }
}
