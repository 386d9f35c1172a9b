package org.quartermaster.catalog.holders.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.catalog.holders.domain.PackagePolicy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The policies and assignments that hold each access package, as their owners' events told us. */
@Repository
public class PackageHolderStore {

  private final DatabaseClient database;

  public PackageHolderStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Void> savePolicy(PackagePolicy policy) {
    return database.sql("""
            INSERT INTO package_policies (policy_id, access_package_id, display_name, description, allowed_target_scope)
            VALUES (:id, :package, :name, :description, :scope)
            ON CONFLICT (policy_id) DO UPDATE SET access_package_id = EXCLUDED.access_package_id,
                                                  display_name = EXCLUDED.display_name,
                                                  description = EXCLUDED.description,
                                                  allowed_target_scope = EXCLUDED.allowed_target_scope""")
        .bind("id", policy.id()).bind("package", policy.accessPackageId()).bind("name", policy.displayName())
        .bind("description", Parameter.fromOrEmpty(policy.description(), String.class))
        .bind("scope", Parameter.fromOrEmpty(policy.allowedTargetScope(), String.class))
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

  /** The policies of each of the packages, ordered by name, for {@code $expand=assignmentPolicies}; none: no entry. */
  public Mono<Map<UUID, List<PackagePolicy>>> policiesByPackage(Collection<UUID> accessPackageIds) {
    if (accessPackageIds.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database.sql("""
            SELECT policy_id, access_package_id, display_name, description, allowed_target_scope FROM package_policies
            WHERE access_package_id = ANY(:packages) ORDER BY display_name, policy_id""")
        .bind("packages", accessPackageIds.toArray(UUID[]::new))
        .map(row -> new PackagePolicy(row.get("policy_id", UUID.class), row.get("access_package_id", UUID.class),
            row.get("display_name", String.class), row.get("description", String.class),
            row.get("allowed_target_scope", String.class)))
        .all()
        .<Map<UUID, List<PackagePolicy>>>collect(LinkedHashMap::new, (map, policy) -> map
            .computeIfAbsent(policy.accessPackageId(), key -> new ArrayList<>()).add(policy));
  }

  public Mono<Long> activeAssignmentsOf(UUID accessPackageId) {
    return database.sql("SELECT count(*) AS n FROM package_assignments WHERE access_package_id = :package AND active")
        .bind("package", accessPackageId)
        .map(row -> row.get("n", Long.class)).one();
  }
}
