package org.quartermaster.provisioning.assignments.persistence;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.PropertyType;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.persistence.Timestamps;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.query.SqlPages;
import org.quartermaster.provisioning.assignments.domain.AssignedRole;
import org.quartermaster.provisioning.assignments.domain.Assignment;
import org.quartermaster.provisioning.assignments.domain.AssignmentState;
import org.quartermaster.provisioning.assignments.domain.Ending;
import org.quartermaster.provisioning.assignments.domain.ExpirationPattern;
import org.quartermaster.provisioning.assignments.domain.ExpirationType;
import org.quartermaster.provisioning.assignments.domain.HeldRole;
import org.quartermaster.provisioning.assignments.domain.RoleDefinition;
import org.quartermaster.provisioning.assignments.domain.RoleStatus;
import org.quartermaster.provisioning.assignments.domain.Schedule;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The assignments and assignment_roles tables, and assignment_requests linking requests to their assignment. */
@Repository
public class AssignmentStore {

  static final List<String> STATES = java.util.Arrays.stream(AssignmentState.values()).map(AssignmentState::graphName).toList();

  public static final QueryModel QUERY_MODEL = QueryModel.builder("assignments")
      .property("id", "a.id", PropertyType.GUID)
      .enumProperty("state", "a.state", STATES)
      .property("status", "a.status", PropertyType.STRING)
      .property("expiredDateTime", "a.expired_at", PropertyType.DATETIME)
      .property("accessPackage/id", "a.access_package_id", PropertyType.GUID)
      .property("assignmentPolicy/id", "a.assignment_policy_id", PropertyType.GUID)
      .property("target/objectId", "a.target_id", PropertyType.GUID)
      .selectable("schedule", "customExtensionCalloutInstances")
      .sortable("expiredDateTime", "state")
      .expandable("target", "accessPackage", "assignmentPolicy")
      .defaultOrderBy("a.id")
      .build();

  public static final QueryModel BETA_QUERY_MODEL = QueryModel.builder("accessPackageAssignments")
      .property("id", "a.id", PropertyType.GUID)
      .enumProperty("assignmentState", "a.state", STATES)
      .property("assignmentStatus", "a.status", PropertyType.STRING)
      .property("accessPackageId", "a.access_package_id", PropertyType.GUID)
      .property("assignmentPolicyId", "a.assignment_policy_id", PropertyType.GUID)
      .property("catalogId", "a.catalog_id", PropertyType.GUID)
      .property("targetId", "a.target_id", PropertyType.GUID)
      .property("expiredDateTime", "a.expired_at", PropertyType.DATETIME)
      .property("accessPackage/id", "a.access_package_id", PropertyType.GUID)
      .property("accessPackageAssignmentPolicy/id", "a.assignment_policy_id", PropertyType.GUID)
      .property("target/objectId", "a.target_id", PropertyType.GUID)
      .selectable("schedule", "isExtended")
      .sortable("expiredDateTime", "assignmentState")
      .expandable("target", "accessPackage", "accessPackageAssignmentPolicy", "accessPackageAssignmentResourceRoles")
      .defaultOrderBy("a.id")
      .build();

  /** Beta's accessPackageAssignmentResourceRoles: one row per role of an assignment. */
  public static final QueryModel BETA_ROLE_QUERY_MODEL = QueryModel.builder("accessPackageAssignmentResourceRoles")
      .property("id", "r.id", PropertyType.GUID)
      .property("originId", "r.role_origin_id", PropertyType.STRING)
      .property("originSystem", "r.resource_origin_system", PropertyType.STRING)
      .property("status", "r.status", PropertyType.STRING)
      .property("accessPackageSubject/objectId", "a.target_id", PropertyType.GUID)
      .property("accessPackageAssignments/id", "r.assignment_id", PropertyType.GUID)
      .expandable("accessPackageSubject", "accessPackageAssignments")
      .defaultOrderBy("r.id")
      .build();

  static final String COLUMNS = "a.id, a.access_package_id, a.catalog_id, a.assignment_policy_id, a.target_id, a.state, "
      + "a.request_id, a.start_at, a.expiration_type, a.expiration_duration, a.expiration_end, a.expires_at, a.expired_at, "
      + "a.ending, a.failure_reason, a.created_at, a.modified_at";
  static final String ROLE_COLUMNS = "r.assignment_id, r.role_scope_id, r.id, r.role_origin_id, r.resource_origin_id, "
      + "r.resource_origin_system, r.status, r.failure";

  private static final String CURRENT = java.util.Arrays.stream(AssignmentState.values()).filter(AssignmentState::current)
      .map(state -> "'" + state.graphName() + "'").collect(Collectors.joining(", ", "(", ")"));

  private final DatabaseClient database;

  public AssignmentStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Assignment> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignments a WHERE a.id = :id").bind("id", id)
        .map(AssignmentStore::readHeader).one().flatMap(this::withRoles);
  }

  /** Locks the row: one assignment's changes serialise, and its events keep their order. */
  public Mono<Assignment> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignments a WHERE a.id = :id FOR UPDATE").bind("id", id)
        .map(AssignmentStore::readHeader).one().flatMap(this::withRoles);
  }

  /** Locks the row unless another transaction holds it; empty then, or when there is no such assignment. */
  public Mono<Assignment> lockIfFree(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignments a WHERE a.id = :id FOR UPDATE SKIP LOCKED").bind("id", id)
        .map(AssignmentStore::readHeader).one().flatMap(this::withRoles);
  }

  public Mono<Boolean> exists(UUID id) {
    return database.sql("SELECT count(*) AS n FROM assignments WHERE id = :id").bind("id", id)
        .map(row -> row.get("n", Long.class) > 0).one();
  }

  /** The assignment a request created or acted on, if it was applied before. */
  public Mono<UUID> assignmentOfRequest(UUID requestId) {
    return database.sql("SELECT assignment_id FROM assignment_requests WHERE request_id = :id").bind("id", requestId)
        .map(row -> row.get("assignment_id", UUID.class)).one();
  }

  public Mono<Void> linkRequest(UUID requestId, UUID assignmentId) {
    return database.sql("""
            INSERT INTO assignment_requests (request_id, assignment_id) VALUES (:request, :assignment)
            ON CONFLICT (request_id) DO NOTHING""")
        .bind("request", requestId).bind("assignment", assignmentId).fetch().rowsUpdated().then();
  }

  /** Ids of the package's assignments that still want their roles, in id order (the order they are locked in). */
  public Flux<UUID> liveOfPackage(UUID accessPackageId) {
    return database.sql("""
            SELECT id FROM assignments WHERE access_package_id = :package AND state <> 'expired' AND ending IS NULL
            ORDER BY id""")
        .bind("package", accessPackageId).map(row -> row.get("id", UUID.class)).all();
  }

  public Mono<Page<Assignment>> page(CollectionQuery query) {
    return page(query, Optional.empty());
  }

  /** A page of the assignments within the scope, filtered, ordered and paged as the client asked. */
  public Mono<Page<Assignment>> page(CollectionQuery query, Optional<SqlFragment> scope) {
    return SqlPages.fetch(database, COLUMNS, "assignments a", scope, query, AssignmentStore::readHeader)
        .flatMap(page -> rolesOf(page.items().stream().map(Assignment::id).toList())
            .map(roles -> page.map(header -> header.withRoles(roles.getOrDefault(header.id(), List.of())))));
  }

  /**
   * Graph's additionalAccess: the current assignments to one package of targets who also currently hold an assignment
   * to the other.
   */
  public static Optional<SqlFragment> additionalAccess(UUID accessPackageId, UUID incompatibleAccessPackageId) {
    return Optional.of(new SqlFragment("a.access_package_id = :scopePackage AND a.state IN " + CURRENT
        + " AND EXISTS (SELECT 1 FROM assignments other WHERE other.target_id = a.target_id"
        + " AND other.access_package_id = :scopeIncompatible AND other.state IN " + CURRENT + ")",
        Map.of("scopePackage", accessPackageId, "scopeIncompatible", incompatibleAccessPackageId)));
  }

  /** A page of assignment roles with the target each belongs to. */
  public Mono<Page<HeldRole>> rolePage(CollectionQuery query) {
    return SqlPages.fetch(database, ROLE_COLUMNS + ", a.target_id",
        "assignment_roles r JOIN assignments a ON a.id = r.assignment_id", Optional.empty(), query,
        row -> new HeldRole(row.get("assignment_id", UUID.class), row.get("target_id", UUID.class), readRole(row)));
  }

  public Mono<HeldRole> findRole(UUID roleId) {
    return database.sql("SELECT " + ROLE_COLUMNS + ", a.target_id FROM assignment_roles r "
            + "JOIN assignments a ON a.id = r.assignment_id WHERE r.id = :id")
        .bind("id", roleId)
        .map(row -> new HeldRole(row.get("assignment_id", UUID.class), row.get("target_id", UUID.class), readRole(row))).one();
  }

  public Flux<Assignment> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT " + COLUMNS + " FROM assignments a WHERE a.id = ANY(:ids) ORDER BY a.id")
        .bind("ids", ids.toArray(UUID[]::new)).map(AssignmentStore::readHeader).all()
        .collectList()
        .flatMapMany(headers -> rolesOf(headers.stream().map(Assignment::id).toList())
            .flatMapMany(roles -> Flux.fromIterable(headers)
                .map(header -> header.withRoles(roles.getOrDefault(header.id(), List.of())))));
  }

  public Mono<Void> insert(Assignment assignment) {
    return database.sql("""
            INSERT INTO assignments (id, access_package_id, catalog_id, assignment_policy_id, target_id, state, status,
                request_id, start_at, expiration_type, expiration_duration, expiration_end, expires_at, expired_at, ending,
                failure_reason, created_at, modified_at)
            VALUES (:id, :package, :catalog, :policy, :target, :state, :status, :request, :start, :expirationType,
                :duration, :end, :expiresAt, :expiredAt, :ending, :reason, :createdAt, :modifiedAt)""")
        .bind("id", assignment.id())
        .bind("package", assignment.accessPackageId())
        .bind("catalog", Parameter.fromOrEmpty(assignment.catalogId(), UUID.class))
        .bind("policy", Parameter.fromOrEmpty(assignment.assignmentPolicyId(), UUID.class))
        .bind("target", assignment.targetId())
        .bind("state", assignment.state().graphName())
        .bind("status", assignment.status())
        .bind("request", Parameter.fromOrEmpty(assignment.requestId(), UUID.class))
        .bind("start", Timestamps.utc(assignment.schedule().startDateTime()))
        .bind("expirationType", assignment.schedule().expiration().type().graphName())
        .bind("duration", Parameter.fromOrEmpty(assignment.schedule().expiration().duration(), String.class))
        .bind("end", Timestamps.utcOrNull(assignment.schedule().expiration().endDateTime()))
        .bind("expiresAt", Timestamps.utcOrNull(assignment.schedule().expiresAt()))
        .bind("expiredAt", Timestamps.utcOrNull(assignment.expiredDateTime()))
        .bind("ending", Parameter.fromOrEmpty(ending(assignment.ending()), String.class))
        .bind("reason", Parameter.fromOrEmpty(assignment.failureReason(), String.class))
        .bind("createdAt", Timestamps.utc(assignment.createdDateTime()))
        .bind("modifiedAt", Timestamps.utc(assignment.modifiedDateTime()))
        .fetch().rowsUpdated()
        .then(replaceRoles(assignment));
  }

  public Mono<Void> update(Assignment assignment) {
    return database.sql("""
            UPDATE assignments SET state = :state, status = :status, request_id = :request, start_at = :start,
                expiration_type = :expirationType, expiration_duration = :duration, expiration_end = :end,
                expires_at = :expiresAt, expired_at = :expiredAt, ending = :ending, failure_reason = :reason,
                modified_at = :modifiedAt
            WHERE id = :id""")
        .bind("id", assignment.id())
        .bind("state", assignment.state().graphName())
        .bind("status", assignment.status())
        .bind("request", Parameter.fromOrEmpty(assignment.requestId(), UUID.class))
        .bind("start", Timestamps.utc(assignment.schedule().startDateTime()))
        .bind("expirationType", assignment.schedule().expiration().type().graphName())
        .bind("duration", Parameter.fromOrEmpty(assignment.schedule().expiration().duration(), String.class))
        .bind("end", Timestamps.utcOrNull(assignment.schedule().expiration().endDateTime()))
        .bind("expiresAt", Timestamps.utcOrNull(assignment.schedule().expiresAt()))
        .bind("expiredAt", Timestamps.utcOrNull(assignment.expiredDateTime()))
        .bind("ending", Parameter.fromOrEmpty(ending(assignment.ending()), String.class))
        .bind("reason", Parameter.fromOrEmpty(assignment.failureReason(), String.class))
        .bind("modifiedAt", Timestamps.utc(assignment.modifiedDateTime()))
        .fetch().rowsUpdated()
        .then(replaceRoles(assignment));
  }

  /** The roles are few per assignment, so they are rewritten whole, in their order. */
  private Mono<Void> replaceRoles(Assignment assignment) {
    Mono<Void> delete = database.sql("DELETE FROM assignment_roles WHERE assignment_id = :id").bind("id", assignment.id())
        .fetch().rowsUpdated().then();
    List<AssignedRole> roles = assignment.roles();
    return delete.then(Flux.range(0, roles.size()).concatMap(position -> {
      AssignedRole role = roles.get(position);
      return database.sql("""
              INSERT INTO assignment_roles (assignment_id, role_scope_id, id, role_origin_id, resource_origin_id,
                  resource_origin_system, status, failure, position)
              VALUES (:assignment, :roleScope, :id, :roleOrigin, :resourceOrigin, :system, :status, :failure, :position)""")
          .bind("assignment", assignment.id())
          .bind("roleScope", role.roleScopeId())
          .bind("id", role.id())
          .bind("roleOrigin", role.role().roleOriginId())
          .bind("resourceOrigin", role.role().resourceOriginId())
          .bind("system", role.role().resourceOriginSystem())
          .bind("status", role.status().graphName())
          .bind("failure", Parameter.fromOrEmpty(role.failure(), String.class))
          .bind("position", position)
          .fetch().rowsUpdated();
    }).then());
  }

  private Mono<Assignment> withRoles(Assignment header) {
    return rolesOf(List.of(header.id())).map(roles -> header.withRoles(roles.getOrDefault(header.id(), List.of())));
  }

  private Mono<Map<UUID, List<AssignedRole>>> rolesOf(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database.sql("SELECT " + ROLE_COLUMNS + " FROM assignment_roles r WHERE r.assignment_id = ANY(:ids) "
            + "ORDER BY r.assignment_id, r.position")
        .bind("ids", ids.toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("assignment_id", UUID.class), readRole(row))).all()
        .collect(LinkedHashMap::new, (map, entry) -> map.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
            .add(entry.getValue()));
  }

  static AssignedRole readRole(Readable row) {
    RoleDefinition definition = new RoleDefinition(row.get("role_scope_id", String.class), row.get("role_origin_id", String.class),
        row.get("resource_origin_id", String.class), row.get("resource_origin_system", String.class));
    return new AssignedRole(row.get("id", UUID.class), definition, RoleStatus.parse(row.get("status", String.class)),
        row.get("failure", String.class));
  }

  static Assignment readHeader(Readable row) {
    ExpirationPattern pattern = new ExpirationPattern(ExpirationType.parse(row.get("expiration_type", String.class)),
        row.get("expiration_duration", String.class), Timestamps.read(row, "expiration_end"));
    Schedule schedule = new Schedule(Timestamps.read(row, "start_at"), pattern, Timestamps.read(row, "expires_at"));
    String ending = row.get("ending", String.class);
    return new Assignment(row.get("id", UUID.class), row.get("access_package_id", UUID.class), row.get("catalog_id", UUID.class),
        row.get("assignment_policy_id", UUID.class), row.get("target_id", UUID.class),
        AssignmentState.parse(row.get("state", String.class)), row.get("request_id", UUID.class), schedule,
        Timestamps.read(row, "expired_at"), ending == null ? null : "removal".equals(ending) ? Ending.REMOVAL : Ending.EXPIRY,
        List.of(), row.get("failure_reason", String.class), Timestamps.read(row, "created_at"),
        Timestamps.read(row, "modified_at"));
  }

  private static String ending(Ending ending) {
    return ending == null ? null : ending == Ending.REMOVAL ? "removal" : "expiry";
  }
}
