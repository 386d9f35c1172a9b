package org.quartermaster.request.requests.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.request.approvals.application.ApproverResolver;
import org.quartermaster.request.approvals.domain.ResolvedApprovers;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.NotAllowed;
import org.quartermaster.request.events.RequestEventPublisher;
import org.quartermaster.request.extensions.application.StageExtensions;
import org.quartermaster.request.extensions.domain.ExtensionStage;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.quartermaster.request.policies.persistence.PolicyStore;
import org.quartermaster.request.separation.application.DeliveryGate;
import org.quartermaster.request.requests.domain.AssignmentOutcome;
import org.quartermaster.request.requests.domain.AssignmentRequest;
import org.quartermaster.request.requests.domain.IllegalTransition;
import org.quartermaster.request.requests.domain.RequestEvent;
import org.quartermaster.request.requests.domain.RequestRules;
import org.quartermaster.request.requests.domain.RequestType;
import org.quartermaster.request.requests.domain.Requester;
import org.quartermaster.request.requests.domain.Submission;
import org.quartermaster.request.requests.domain.Trigger;
import org.quartermaster.request.requests.domain.ValidSubmission;
import org.quartermaster.request.requests.persistence.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Request use cases. A submission is checked against the read models outside any transaction, then stored with its
 * events in one; a transition locks the request's row, so one request's events keep the order of its commits.
 */
@Service
public class AssignmentRequestService {

  private static final Logger log = LoggerFactory.getLogger(AssignmentRequestService.class);

  private final RequestStore requests;
  private final SubmissionFacts facts;
  private final RequestEventPublisher events;
  private final TransactionalOperator transactions;
  private final DeliveryGate deliveryGate;
  private final PolicyStore policies;
  private final ApproverResolver approvers;
  private final StageExtensions stageExtensions;
  private final Clock clock;

  public AssignmentRequestService(RequestStore requests, SubmissionFacts facts, RequestEventPublisher events,
      DeliveryGate deliveryGate, PolicyStore policies, ApproverResolver approvers, StageExtensions stageExtensions,
      TransactionalOperator transactions, Clock clock) {
    this.stageExtensions = stageExtensions;
    this.deliveryGate = deliveryGate;
    this.policies = policies;
    this.approvers = approvers;
    this.requests = requests;
    this.facts = facts;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  // ---- submission

  /**
   * Validates and stores a request with its events, in one transaction. A request held by a launch-and-wait extension
   * at assignmentRequestCreated waits in WaitingForCallback (Created only). A request that needs approval waits in
   * pendingApproval with its first stage started (Created, StageStarted), or is denied at once when nobody can approve
   * that stage; any other request asks for delivery at once (Created, DeliveryRequested), after separation of duties'
   * last check.
   *
   * @param validationOnly beta's isValidationOnly: check everything, store nothing
   */
  public Mono<AssignmentRequest> submit(Submission submission, Requester requester, boolean validationOnly) {
    return validate(submission, requester).flatMap(valid -> decide(valid, requester).flatMap(change -> {
      if (validationOnly) {
        return Mono.just(change.state());
      }
      boolean delivering = change.events().stream().anyMatch(RequestEvent.DeliveryRequested.class::isInstance);
      Mono<Void> gate = delivering ? refuseIfIncompatible(change.state()) : Mono.empty();
      return transactions.transactional(gate.then(requests.insert(change.state())).then(events.publish(change.events())))
          .onErrorMap(DataIntegrityViolationException.class, duplicate -> raced(valid))
          .thenReturn(change.state());
    }));
  }

  /**
   * The stored request and its events: waiting for a launch-and-wait extension bound at assignmentRequestCreated, for
   * approval when its policy asks for it, otherwise ready for delivery.
   */
  private Mono<Change<AssignmentRequest, RequestEvent>> decide(ValidSubmission valid, Requester requester) {
    UUID id = UUID.randomUUID();
    UUID requestor = requester.objectId();
    // Removals neither wait for approval nor for a callback, so their policy does not matter here.
    Mono<Optional<AssignmentPolicy>> policy = valid.type().kind() != RequestType.Kind.REMOVE
        && valid.assignmentPolicyId() != null
        ? policies.find(valid.assignmentPolicyId()).map(Optional::of).defaultIfEmpty(Optional.empty())
        : Mono.just(Optional.empty());
    return policy.flatMap(found -> found
        .map(known -> stageExtensions.bound(known, ExtensionStage.ASSIGNMENT_REQUEST_CREATED))
        .orElse(Mono.just(List.of()))
        .flatMap(atCreated -> {
          if (found.isEmpty() || !AssignmentRequest.needsApproval(valid.type(), found.get())) {
            return Mono.fromCallable(() -> AssignmentRequest.submit(id, valid, requestor, atCreated, now()));
          }
          AssignmentPolicy known = found.get();
          if (known.approvalStages().isEmpty()) {
            return Mono.fromCallable(() -> AssignmentRequest.submitForApproval(id, valid, requestor, known,
                ResolvedApprovers.NONE, atCreated, now()));
          }
          return approvers.primary(known.approvalStages().get(0), requestor).map(firstStage ->
              AssignmentRequest.submitForApproval(id, valid, requestor, known, firstStage, atCreated, now()));
        }));
  }

  private Mono<ValidSubmission> validate(Submission submission, Requester requester) {
    if (submission.type().kind() == RequestType.Kind.ADD) {
      return facts.forAdd(submission, requester)
          .map(found -> RequestRules.checkAdd(submission, requester, found, now()));
    }
    return facts.forChange(submission).map(found -> RequestRules.checkChange(submission, requester, found, now()));
  }

  /** The separation-of-duties check under the target's lock; it must run in the transaction that requests delivery. */
  private Mono<Void> refuseIfIncompatible(AssignmentRequest request) {
    return deliveryGate.recheck(request).flatMap(conflict -> conflict.<Mono<Void>>map(
        reason -> Mono.error(new Conflict("incompatibleAccessPackages", reason))).orElseGet(Mono::empty));
  }

  /** Another submission for the same thing committed between this one's check and its insert. */
  private static Conflict raced(ValidSubmission valid) {
    if (valid.type().kind() == RequestType.Kind.ADD) {
      return new Conflict("duplicate", "User '" + valid.targetId() + "' already has an open request for access package '"
          + valid.accessPackageId() + "' under assignment policy '" + valid.assignmentPolicyId() + "'.");
    }
    return new Conflict("duplicate", "Access package assignment '" + valid.assignmentId()
        + "' already has an open removal or update request.");
  }

  // ---- client triggers

  /** Cancels a request that delivery has not started on; canceling a canceled request again changes nothing. */
  public Mono<AssignmentRequest> cancel(UUID id, Requester requester) {
    return transition(id, requester, Trigger.CANCEL);
  }

  /** Asks provisioning to deliver a failed or partly delivered request again. */
  public Mono<AssignmentRequest> reprocess(UUID id, Requester requester) {
    return transition(id, requester, Trigger.REPROCESS);
  }

  private Mono<AssignmentRequest> transition(UUID id, Requester requester, Trigger trigger) {
    return transactions.transactional(requests.lock(id)
            .switchIfEmpty(Mono.error(() -> notFound(id)))
            .flatMap(request -> {
              requireInvolved(request, requester, trigger);
              Change<AssignmentRequest, RequestEvent> change = request.apply(trigger, now(), null);
              // A reprocessed add is delivered again: a package declared incompatible meanwhile must stop it too.
              boolean redelivering = trigger == Trigger.REPROCESS && request.type().kind() == RequestType.Kind.ADD;
              return (redelivering ? refuseIfIncompatible(change.state()) : Mono.<Void>empty())
                  .then(Mono.defer(() -> save(request, change)));
            }))
        // A reprocessed add is open again; another add for the same thing may have been made meanwhile.
        .onErrorMap(DataIntegrityViolationException.class, duplicate -> new Conflict("duplicate",
            "Assignment request '" + id + "' cannot " + trigger.outcome() + ": another open request now asks for the same "
                + "assignment."));
  }

  /** The requestor and the target act on their own requests; anyone else needs the administrator permission. */
  private static void requireInvolved(AssignmentRequest request, Requester requester, Trigger trigger) {
    UUID caller = requester.objectId();
    if (!requester.administrator() && !caller.equals(request.targetId()) && !caller.equals(request.requestorId())) {
      throw new NotAllowed("id", "Only the requestor, the target or an administrator (" + RequestRules.ADMIN_PERMISSION
          + ") can ask for assignment request '" + request.id() + "' to " + trigger.outcome() + ".");
    }
  }

  // ---- provisioning's progress

  /**
   * Applies what provisioning reported about a request's assignment. Runs in the consumer's transaction. A request this
   * service does not know, or an outcome its state does not allow, changes nothing: provisioning's report is a fact,
   * and refusing it would only stall the topic.
   *
   * @return whether the request changed
   */
  public Mono<Boolean> record(UUID requestId, AssignmentOutcome outcome, UUID assignmentId, String reason) {
    return requests.lock(requestId)
        .flatMap(request -> save(request, request.record(outcome, assignmentId, reason, now()))
            .map(saved -> !saved.equals(request)))
        .onErrorResume(IllegalTransition.class, refused -> {
          log.warn("ignored provisioning's {} for request {}: {}", outcome, requestId, refused.getMessage());
          return Mono.just(false);
        })
        .defaultIfEmpty(false);
  }

  private Mono<AssignmentRequest> save(AssignmentRequest before, Change<AssignmentRequest, RequestEvent> change) {
    if (change.state().equals(before)) {
      return Mono.just(before);
    }
    return requests.update(change.state()).then(events.publish(change.events())).thenReturn(change.state());
  }

  // ---- queries

  public QueryModel queryModel(boolean beta) {
    return beta ? RequestStore.BETA_QUERY_MODEL : RequestStore.QUERY_MODEL;
  }

  /** The requests whose target is the user. */
  public Optional<SqlFragment> targeting(UUID userId) {
    return RequestStore.targeting(userId);
  }

  /** The requests waiting for the user's decision as an approver of their current stage. */
  public Optional<SqlFragment> awaitingDecisionBy(UUID userId) {
    return RequestStore.awaitingDecisionBy(userId);
  }

  /** The requests the user made. */
  public Optional<SqlFragment> requestedBy(UUID userId) {
    return RequestStore.requestedBy(userId);
  }

  public Mono<AssignmentRequest> get(UUID id) {
    return requests.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  public Mono<Page<AssignmentRequest>> list(CollectionQuery query, Optional<SqlFragment> scope) {
    return requests.page(query, scope);
  }

  public static GraphException notFound(UUID id) {
    return GraphException.notFound("accessPackageAssignmentRequest", id);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
