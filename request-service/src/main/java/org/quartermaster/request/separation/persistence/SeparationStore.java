package org.quartermaster.request.separation.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.common.persistence.Rows;
import org.quartermaster.request.separation.domain.Holding;
import org.quartermaster.request.separation.domain.IncompatiblePackages;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The incompatible_access_packages, incompatible_groups and directory_groups read models (only the separation
 * projections write them), and what a target holds according to the assignments read model and this service's own
 * requests.
 */
@Repository
public class SeparationStore {

  private static final String ACTIVE_ASSIGNMENT = Assignment.ACTIVE.stream().sorted().map(state -> "'" + state + "'")
      .collect(Collectors.joining(", ", "(", ")"));
  private static final String HOLDINGS = """
      SELECT 'ASSIGNMENT' AS source, a.id, a.access_package_id, a.state, a.start_at AS since
      FROM assignments a
      WHERE a.target_id = :target AND a.access_package_id = ANY(:packages) AND a.state IN %s
      UNION ALL
      SELECT 'REQUEST' AS source, r.id, r.access_package_id, r.state, COALESCE(r.completed_at, r.created_at) AS since
      FROM assignment_requests r
      WHERE r.target_id = :target AND r.access_package_id = ANY(:packages) AND r.id <> :excluded
        AND r.request_type IN ('userAdd', 'adminAdd')
        AND (r.state IN ('submitted', 'scheduled', 'delivering')
          OR (r.state IN ('delivered', 'partiallyDelivered')
            AND NOT EXISTS (SELECT 1 FROM assignments known WHERE known.id = r.assignment_id)))""".formatted(ACTIVE_ASSIGNMENT);
  /** No request has this id: a submission that is not stored yet excludes nothing. */
  private static final UUID NO_REQUEST = new UUID(0, 0);

  private final DatabaseClient database;

  public SeparationStore(DatabaseClient database) {
    this.database = database;
  }

  // ---- the per-target lock

  /**
   * Serialises, until the transaction ends, every delivery decision about one target, so two requests for
   * incompatible packages cannot both pass the check before either is stored. The key is a 64-bit hash of the target
   * id in a namespace of its own, so it cannot meet the other advisory locks of the database.
   */
  public Mono<Void> lockTarget(UUID targetId) {
    return database.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .bind("key", "separation-of-duties-target:" + targetId).fetch().rowsUpdated().then();
  }

  // ---- what the check reads

  /** Every declaration naming the package, on either side. */
  public Flux<IncompatiblePackages> incompatibilitiesOf(UUID accessPackageId) {
    return database.sql("""
            SELECT access_package_id, incompatible_access_package_id FROM incompatible_access_packages
            WHERE access_package_id = :package OR incompatible_access_package_id = :package""")
        .bind("package", accessPackageId)
        .map(row -> new IncompatiblePackages(row.get("access_package_id", UUID.class),
            row.get("incompatible_access_package_id", UUID.class)))
        .all();
  }

  public Flux<UUID> incompatibleGroupsOf(UUID accessPackageId) {
    return database.sql("SELECT group_id FROM incompatible_groups WHERE access_package_id = :package")
        .bind("package", accessPackageId).map(row -> row.get("group_id", UUID.class)).all();
  }

  /**
   * What the target holds, or is about to hold, of the packages: assignments that are delivered or being delivered;
   * add requests that asked for delivery and are not finished (a pending approval does not count: it is checked again
   * when approved); and delivered add requests whose assignment the read model does not know. The delivery projection
   * moves a request and stores its assignment in one transaction, so that last case should not arise; it is there so
   * that a delivered add never stops counting if the two ever come apart (a replay, a consumer renamed and rebuilding).
   *
   * @param excludedRequest the request being checked, which must not conflict with itself
   */
  public Flux<Holding> holdings(UUID targetId, Collection<UUID> accessPackageIds, Optional<UUID> excludedRequest) {
    if (accessPackageIds.isEmpty()) {
      return Flux.empty();
    }
    return database.sql(HOLDINGS)
        .bind("target", targetId)
        .bind("packages", accessPackageIds.toArray(UUID[]::new))
        .bind("excluded", excludedRequest.orElse(NO_REQUEST))
        .map(row -> new Holding(Holding.Source.valueOf(row.get("source", String.class)), row.get("id", UUID.class),
            row.get("access_package_id", UUID.class), row.get("state", String.class), Rows.instant(row, "since")))
        .all();
  }

  public Mono<Map<UUID, String>> groupNames(Collection<UUID> groupIds) {
    if (groupIds.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database.sql("SELECT id, display_name FROM directory_groups WHERE id = ANY(:ids)")
        .bind("ids", groupIds.toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("id", UUID.class), row.get("display_name", String.class)))
        .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  // ---- the projections' writes; each is idempotent, so a redelivered event changes nothing

  public Mono<Void> addIncompatiblePackage(UUID accessPackageId, UUID incompatibleAccessPackageId) {
    return database.sql("""
            INSERT INTO incompatible_access_packages (access_package_id, incompatible_access_package_id)
            VALUES (:package, :incompatible) ON CONFLICT DO NOTHING""")
        .bind("package", accessPackageId).bind("incompatible", incompatibleAccessPackageId).fetch().rowsUpdated().then();
  }

  public Mono<Void> removeIncompatiblePackage(UUID accessPackageId, UUID incompatibleAccessPackageId) {
    return database.sql("""
            DELETE FROM incompatible_access_packages
            WHERE access_package_id = :package AND incompatible_access_package_id = :incompatible""")
        .bind("package", accessPackageId).bind("incompatible", incompatibleAccessPackageId).fetch().rowsUpdated().then();
  }

  public Mono<Void> addIncompatibleGroup(UUID accessPackageId, UUID groupId) {
    return database.sql("""
            INSERT INTO incompatible_groups (access_package_id, group_id) VALUES (:package, :group) ON CONFLICT DO NOTHING""")
        .bind("package", accessPackageId).bind("group", groupId).fetch().rowsUpdated().then();
  }

  public Mono<Void> removeIncompatibleGroup(UUID accessPackageId, UUID groupId) {
    return database.sql("DELETE FROM incompatible_groups WHERE access_package_id = :package AND group_id = :group")
        .bind("package", accessPackageId).bind("group", groupId).fetch().rowsUpdated().then();
  }

  /** A deleted package declares nothing any more, and nothing is incompatible with it. */
  public Mono<Void> forgetPackage(UUID accessPackageId) {
    return database.sql("""
            DELETE FROM incompatible_access_packages
            WHERE access_package_id = :package OR incompatible_access_package_id = :package""")
        .bind("package", accessPackageId).fetch().rowsUpdated()
        .then(database.sql("DELETE FROM incompatible_groups WHERE access_package_id = :package")
            .bind("package", accessPackageId).fetch().rowsUpdated())
        .then();
  }

  public Mono<Void> upsertGroup(UUID id, String displayName) {
    return database.sql("""
            INSERT INTO directory_groups (id, display_name) VALUES (:id, :displayName)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name""")
        .bind("id", id).bind("displayName", displayName).fetch().rowsUpdated().then();
  }

  public Mono<Void> deleteGroup(UUID id) {
    return database.sql("DELETE FROM directory_groups WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }
}
