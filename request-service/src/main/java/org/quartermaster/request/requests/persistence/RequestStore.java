package org.quartermaster.request.requests.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.PropertyType;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.query.SqlPages;
import org.quartermaster.request.approvals.domain.Approval;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.common.domain.ExpirationType;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.request.common.persistence.Rows;
import org.quartermaster.request.extensions.domain.CalloutWait;
import org.quartermaster.request.requests.domain.Answer;
import org.quartermaster.request.requests.domain.AssignmentRequest;
import org.quartermaster.request.requests.domain.RequestSchedule;
import org.quartermaster.request.requests.domain.RequestState;
import org.quartermaster.request.requests.domain.RequestType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** The assignment_requests table. */
@Repository
public class RequestStore {

  private static final List<String> STATES = Arrays.stream(RequestState.values()).map(RequestState::graphName).toList();
  private static final List<String> TYPES = Arrays.stream(RequestType.values()).map(RequestType::graphName).toList();
  private static final String OPEN_STATES = Arrays.stream(RequestState.values()).filter(RequestState::open)
      .map(state -> "'" + state.graphName() + "'").collect(Collectors.joining(", ", "(", ")"));

  public static final QueryModel QUERY_MODEL = QueryModel.builder("assignmentRequests")
      .property("id", "r.id", PropertyType.GUID)
      .enumProperty("state", "r.state", STATES)
      .property("status", statusExpression(RequestState::status), PropertyType.STRING)
      .enumProperty("requestType", "r.request_type", TYPES)
      .property("createdDateTime", "r.created_at", PropertyType.DATETIME)
      .property("completedDateTime", "r.completed_at", PropertyType.DATETIME)
      .property("justification", "r.justification", PropertyType.STRING)
      .property("accessPackage/id", "r.access_package_id", PropertyType.GUID)
      .property("requestor/objectId", "r.requestor_id", PropertyType.GUID)
      .property("assignment/id", "r.assignment_id", PropertyType.GUID)
      .selectable("schedule", "answers", "customExtensionCalloutInstances")
      .sortable("createdDateTime", "completedDateTime", "state", "requestType")
      .expandable("accessPackage", "assignment", "assignment/target", "requestor")
      .defaultOrderBy("r.id")
      .build();

  /** Beta names the state and status requestState and requestStatus, and spells some statuses its own way. */
  public static final QueryModel BETA_QUERY_MODEL = QueryModel.builder("accessPackageAssignmentRequests")
        .property("id", "r.id", PropertyType.GUID)
        .enumProperty("requestState", "r.state", STATES)
        .property("requestStatus", statusExpression(RequestState::betaStatus), PropertyType.STRING)
        .enumProperty("requestType", "r.request_type", TYPES)
        .property("createdDateTime", "r.created_at", PropertyType.DATETIME)
        .property("completedDate", "r.completed_at", PropertyType.DATETIME)
        .property("justification", "r.justification", PropertyType.STRING)
        .property("accessPackage/id", "r.access_package_id", PropertyType.GUID)
        .property("requestor/objectId", "r.requestor_id", PropertyType.GUID)
        .property("accessPackageAssignment/id", "r.assignment_id", PropertyType.GUID)
        .property("accessPackageAssignment/targetId", "r.target_id", PropertyType.GUID)
        .property("accessPackageAssignment/accessPackageId", "r.access_package_id", PropertyType.GUID)
        .property("accessPackageAssignment/assignmentPolicyId", "r.assignment_policy_id", PropertyType.GUID)
        .selectable("schedule", "answers", "isValidationOnly", "expirationDateTime", "customExtensionCalloutInstances")
        .sortable("createdDateTime", "completedDate", "requestState", "requestType")
        .expandable("accessPackage", "accessPackageAssignment", "accessPackageAssignment/target", "requestor")
        .defaultOrderBy("r.id")
        .build();

  static final String COLUMNS = "r.id, r.request_type, r.state, r.access_package_id, r.catalog_id, r.assignment_policy_id, "
      + "r.target_id, r.requestor_id, r.assignment_id, r.justification, r.schedule_start, r.expiration_type, "
      + "r.expiration_duration, r.expiration_end, r.answers::text AS answers, r.created_at, r.completed_at, r.failure_reason, "
      + "r.approval::text AS approval, r.callout_wait::text AS callout_wait";

  private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() { };

  private final DatabaseClient database;

  public RequestStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Page<AssignmentRequest>> page(CollectionQuery query, Optional<SqlFragment> scope) {
    return SqlPages.fetch(database, COLUMNS, "assignment_requests r", scope, query, RequestStore::read);
  }

  public static Optional<SqlFragment> targeting(UUID userId) {
    return Optional.of(new SqlFragment("r.target_id = :scopeUser", Map.of("scopeUser", userId)));
  }

  public static Optional<SqlFragment> requestedBy(UUID userId) {
    return Optional.of(new SqlFragment("r.requestor_id = :scopeUser", Map.of("scopeUser", userId)));
  }

  public Mono<AssignmentRequest> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_requests r WHERE r.id = :id").bind("id", id)
        .map(RequestStore::read).one();
  }

  /** Locks the row, so one request's transitions serialise and keep their event order. */
  public Mono<AssignmentRequest> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_requests r WHERE r.id = :id FOR UPDATE").bind("id", id)
        .map(RequestStore::read).one();
  }

  /** An add of the same target, package and policy that is not finished yet. */
  public Mono<AssignmentRequest> openAdd(UUID targetId, UUID accessPackageId, UUID policyId) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_requests r WHERE r.target_id = :target "
            + "AND r.access_package_id = :package AND r.assignment_policy_id = :policy "
            + "AND r.request_type IN ('userAdd', 'adminAdd') AND r.state IN " + OPEN_STATES + " LIMIT 1")
        .bind("target", targetId).bind("package", accessPackageId).bind("policy", policyId)
        .map(RequestStore::read).one();
  }

  /** A removal or update of the assignment that is not finished yet. */
  public Mono<AssignmentRequest> openChange(UUID assignmentId) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_requests r WHERE r.assignment_id = :assignment "
            + "AND r.request_type NOT IN ('userAdd', 'adminAdd') AND r.state IN " + OPEN_STATES + " LIMIT 1")
        .bind("assignment", assignmentId)
        .map(RequestStore::read).one();
  }

  public Mono<Void> insert(AssignmentRequest request) {
    RequestSchedule schedule = request.schedule();
    Expiration expiration = schedule.expiration();
    return database.sql("""
            INSERT INTO assignment_requests (id, request_type, state, access_package_id, catalog_id, assignment_policy_id,
                target_id, requestor_id, assignment_id, justification, schedule_start, expiration_type, expiration_duration,
                expiration_end, answers, created_at, completed_at, failure_reason, approval, approval_deadline,
                current_approvers, approval_escalated, callout_wait, callout_deadline)
            VALUES (:id, :type, :state, :package, :catalog, :policy, :target, :requestor, :assignment, :justification,
                :start, :expirationType, :duration, :end, CAST(:answers AS jsonb), :created, :completed, :reason,
                CAST(:approval AS jsonb), :deadline, :approvers, :escalated, CAST(:calloutWait AS jsonb), :calloutDeadline)""")
        .bind("id", request.id())
        .bind("type", request.type().graphName())
        .bind("state", request.state().graphName())
        .bind("package", request.accessPackageId())
        .bind("catalog", Rows.uuid(request.catalogId()))
        .bind("policy", Rows.uuid(request.assignmentPolicyId()))
        .bind("target", request.targetId())
        .bind("requestor", Rows.uuid(request.requestorId()))
        .bind("assignment", Rows.uuid(request.assignmentId()))
        .bind("justification", Rows.text(request.justification()))
        .bind("start", Rows.utc(schedule.startDateTime()))
        .bind("expirationType", expiration.type().graphName())
        .bind("duration", Rows.text(expiration.duration()))
        .bind("end", Rows.utc(expiration.endDateTime()))
        .bind("answers", Rows.DOCUMENTS.writeValueAsString(request.answers()))
        .bind("created", Rows.utc(request.createdDateTime()))
        .bind("completed", Rows.utc(request.completedDateTime()))
        .bind("reason", Rows.text(request.failureReason()))
        .bind("approval", Rows.text(approvalOf(request)))
        .bind("deadline", Rows.utc(request.approvalDeadline()))
        .bind("approvers", request.currentApprovers().toArray(UUID[]::new))
        .bind("escalated", request.escalated())
        .bind("calloutWait", Rows.text(calloutWaitOf(request)))
        .bind("calloutDeadline", Rows.utc(request.calloutDeadline()))
        .fetch().rowsUpdated().then();
  }

  /**
   * Only what a transition changes: the state, the assignment it found, when it completed, why it failed or was denied,
   * its approval with what the sweeper and filterByCurrentUser(on='approver') select on, and the custom extensions it
   * waits for with their deadline.
   */
  public Mono<Void> update(AssignmentRequest request) {
    return database.sql("""
            UPDATE assignment_requests SET state = :state, assignment_id = :assignment, completed_at = :completed,
                failure_reason = :reason, approval = CAST(:approval AS jsonb), approval_deadline = :deadline,
                current_approvers = :approvers, approval_escalated = :escalated,
                callout_wait = CAST(:calloutWait AS jsonb), callout_deadline = :calloutDeadline
            WHERE id = :id""")
        .bind("id", request.id())
        .bind("state", request.state().graphName())
        .bind("assignment", Rows.uuid(request.assignmentId()))
        .bind("completed", Rows.utc(request.completedDateTime()))
        .bind("reason", Rows.text(request.failureReason()))
        .bind("approval", Rows.text(approvalOf(request)))
        .bind("deadline", Rows.utc(request.approvalDeadline()))
        .bind("approvers", request.currentApprovers().toArray(UUID[]::new))
        .bind("escalated", request.escalated())
        .bind("calloutWait", Rows.text(calloutWaitOf(request)))
        .bind("calloutDeadline", Rows.utc(request.calloutDeadline()))
        .fetch().rowsUpdated().then();
  }

  /**
   * Claims the pending request whose approval deadline passed first, locked for the rest of the transaction so another
   * instance skips it: each escalation or timeout fires once.
   *
   * @param skipped requests already handled in this round
   */
  public Mono<AssignmentRequest> claimNextDue(Instant now, Collection<UUID> skipped) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_requests r WHERE r.state = 'pendingApproval' "
            + "AND r.approval_deadline <= :now AND NOT (r.id = ANY(:skipped)) "
            + "ORDER BY r.approval_deadline, r.id LIMIT 1 FOR UPDATE SKIP LOCKED")
        .bind("now", Rows.utc(now)).bind("skipped", skipped.toArray(UUID[]::new))
        .map(RequestStore::read).one();
  }

  /**
   * Claims the request waiting for a custom extension's callback whose safety deadline passed first, locked for the
   * rest of the transaction so another instance skips it: each deadline fires once.
   *
   * @param skipped requests already handled in this round
   */
  public Mono<AssignmentRequest> claimNextCalloutDue(Instant now, Collection<UUID> skipped) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_requests r WHERE r.callout_deadline <= :now "
            + "AND NOT (r.id = ANY(:skipped)) ORDER BY r.callout_deadline, r.id LIMIT 1 FOR UPDATE SKIP LOCKED")
        .bind("now", Rows.utc(now)).bind("skipped", skipped.toArray(UUID[]::new))
        .map(RequestStore::read).one();
  }

  /** The requests waiting for the user's decision now. */
  public static Optional<SqlFragment> awaitingDecisionBy(UUID userId) {
    return Optional.of(new SqlFragment("r.state = 'pendingApproval' AND r.current_approvers @> ARRAY[CAST(:scopeUser AS uuid)]",
        Map.of("scopeUser", userId)));
  }

  /** The requests waiting for the user's decision now, oldest first; the GIN index on current_approvers serves it. */
  public Flux<AssignmentRequest> awaitingDecision(UUID userId) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_requests r WHERE r.state = 'pendingApproval' "
            + "AND r.current_approvers @> ARRAY[CAST(:user AS uuid)] ORDER BY r.created_at, r.id")
        .bind("user", userId).map(RequestStore::read).all();
  }

  /** Only a wait that still awaits a callback is stored: a satisfied one is moved on in the transaction that heard it. */
  private static String calloutWaitOf(AssignmentRequest request) {
    return request.waitingForCallback() ? Rows.DOCUMENTS.writeValueAsString(request.calloutWait()) : null;
  }

  private static String approvalOf(AssignmentRequest request) {
    return request.approval() == null ? null : Rows.DOCUMENTS.writeValueAsString(request.approval());
  }

  static AssignmentRequest read(Readable row) {
    Expiration expiration = new Expiration(
        GraphEnum.parse(ExpirationType.class, row.get("expiration_type", String.class), "expiration.type"),
        row.get("expiration_duration", String.class), Rows.instant(row, "expiration_end"));
    List<Answer> answers = Rows.DOCUMENTS.readValue(row.get("answers", String.class), ANSWERS);
    String approval = row.get("approval", String.class);
    String calloutWait = row.get("callout_wait", String.class);
    return new AssignmentRequest(
        row.get("id", UUID.class),
        GraphEnum.parse(RequestType.class, row.get("request_type", String.class), "requestType"),
        GraphEnum.parse(RequestState.class, row.get("state", String.class), "state"),
        row.get("access_package_id", UUID.class),
        row.get("catalog_id", UUID.class),
        row.get("assignment_policy_id", UUID.class),
        row.get("target_id", UUID.class),
        row.get("requestor_id", UUID.class),
        row.get("assignment_id", UUID.class),
        row.get("justification", String.class),
        new RequestSchedule(Rows.instant(row, "schedule_start"), expiration),
        answers,
        Rows.instant(row, "created_at"),
        Rows.instant(row, "completed_at"),
        row.get("failure_reason", String.class),
        approval == null ? null : Rows.DOCUMENTS.readValue(approval, Approval.class),
        calloutWait == null ? null : Rows.DOCUMENTS.readValue(calloutWait, CalloutWait.class));
  }

  /**
   * Graph's status is derived from the state, so filtering on it filters on the state it stands for; a pending request
   * whose stage escalated shows PendingApprovalEscalated, and one a custom extension holds WaitingForCallback.
   */
  private static String statusExpression(Function<RequestState, String> status) {
    return "(CASE WHEN r.callout_wait IS NOT NULL THEN '" + AssignmentRequest.WAITING_FOR_CALLBACK + "' ELSE "
        + Arrays.stream(RequestState.values())
        .map(state -> "WHEN '" + state.graphName() + "' THEN " + (state == RequestState.PENDING_APPROVAL
            ? "(CASE WHEN r.approval_escalated THEN 'PendingApprovalEscalated' ELSE '" + status.apply(state) + "' END)"
            : "'" + status.apply(state) + "'"))
        .collect(Collectors.joining(" ", "(CASE r.state ", " END)")) + " END)";
  }
}
