package org.quartermaster.provisioning.assignments.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.platform.outbox.EventMetadataFactory;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.platform.work.CommitSignal;
import org.quartermaster.provisioning.assignments.domain.AssignedRole;
import org.quartermaster.provisioning.assignments.domain.Assignment;
import org.quartermaster.provisioning.assignments.domain.AssignmentEvent;
import org.quartermaster.provisioning.assignments.domain.AssignmentRequest;
import org.quartermaster.provisioning.assignments.domain.Cancellation;
import org.quartermaster.provisioning.assignments.domain.Ending;
import org.quartermaster.provisioning.assignments.domain.ExpirationPattern;
import org.quartermaster.provisioning.assignments.domain.RoleDefinition;
import org.quartermaster.provisioning.assignments.domain.RoleStatus;
import org.quartermaster.provisioning.assignments.persistence.AssignmentStore;
import org.quartermaster.provisioning.assignments.persistence.CanceledRequestStore;
import org.quartermaster.provisioning.catalog.persistence.PackageStore;
import org.quartermaster.provisioning.common.domain.Conflict;
import org.quartermaster.provisioning.events.ProvisioningEventPublisher;
import org.quartermaster.provisioning.expiry.persistence.TimerStore;
import org.quartermaster.provisioning.grants.application.RoleHoldings;
import org.quartermaster.provisioning.operations.domain.OperationKind;
import org.quartermaster.provisioning.operations.domain.PendingOperation;
import org.quartermaster.provisioning.operations.persistence.OperationStore;
import org.quartermaster.provisioning.policies.domain.PolicySummary;
import org.quartermaster.provisioning.policies.persistence.PolicyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assignment use cases. Each runs in one transaction that locks the assignment's row, writes it, queues the grants
 * and revokes its target systems must carry out, arms or disarms its expiry timer and appends its events; target
 * systems are never called here, only by the operation worker after the decision committed.
 */
@Service
public class AssignmentService {

  private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

  private final AssignmentStore assignments;
  private final CanceledRequestStore canceledRequests;
  private final PackageStore packages;
  private final PolicyStore policies;
  private final RoleHoldings holdings;
  private final OperationStore operations;
  private final TimerStore timers;
  private final ProvisioningEventPublisher events;
  private final CommitSignal worker;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public AssignmentService(AssignmentStore assignments, CanceledRequestStore canceledRequests, PackageStore packages,
      PolicyStore policies, RoleHoldings holdings, OperationStore operations, TimerStore timers,
      ProvisioningEventPublisher events, CommitSignal worker, TransactionalOperator transactions, Clock clock) {
    this.assignments = assignments;
    this.canceledRequests = canceledRequests;
    this.packages = packages;
    this.policies = policies;
    this.holdings = holdings;
    this.operations = operations;
    this.timers = timers;
    this.events = events;
    this.worker = worker;
    this.transactions = transactions;
    this.clock = clock;
  }

  // ---- requests ready for delivery

  /**
   * Applies a request the request service handed over for delivery, unless it was canceled meanwhile (a reprocess or
   * a late copy of a canceled request delivers nothing). Runs in the consuming transaction.
   */
  public Mono<Void> deliver(AssignmentRequest request) {
    return transactions.transactional(canceledRequests.lock(request.requestId())
        .then(canceledRequests.isCanceled(request.requestId()))
        .flatMap(canceled -> {
          if (canceled) {
            log.info("Request {} was canceled; its delivery is ignored.", request.requestId());
            return Mono.<Void>empty();
          }
          switch (request.type().kind()) {
            case ADD:
              return add(request);
            case REMOVE:
              return remove(request);
            default:
              return update(request);
          }
        }));
  }

  /**
   * The request service canceled a request. The cancel is remembered; an add that already created its assignment
   * withdraws it, revoking what it granted through the same reference-counted path as a removal, and its pending
   * grants and expiry timer go. A remove or update that was applied stands (see {@link Cancellation}). Runs in the
   * consuming transaction; a second cancel of the same request finds the assignment ending and changes nothing.
   */
  public Mono<Void> cancel(Cancellation cancellation) {
    UUID requestId = cancellation.requestId();
    return transactions.transactional(canceledRequests.lock(requestId)
        .then(canceledRequests.record(requestId, clock.instant()))
        .then(assignments.assignmentOfRequest(requestId).flatMap(assignments::lock)
            .map(Optional::of).defaultIfEmpty(Optional.empty()))
        .flatMap(applied -> {
          Assignment assignment = applied.orElse(null);
          switch (cancellation.outcomeFor(assignment)) {
            case WITHDRAW_ASSIGNMENT:
              log.info("Request {} was canceled after it created assignment {}; withdrawing it.", requestId, assignment.id());
              return end(assignment, released -> cancellation.withdraw(assignment, released, clock.instant()));
            case APPLIED_CHANGE_STANDS:
              log.warn("Request {} ({}) was canceled after provisioning applied it to assignment {}; the change stands.",
                  requestId, cancellation.type().graphName(), assignment.id());
              return Mono.<Void>empty();
            default:
              return Mono.<Void>empty();
          }
        }));
  }

  private Mono<Void> add(AssignmentRequest request) {
    // An add naming its assignment (a renewal, or an id chosen by the request service) acts on that one if it exists.
    Mono<UUID> named = request.assignmentId() == null ? Mono.empty()
        : assignments.exists(request.assignmentId()).filter(Boolean::booleanValue).map(exists -> request.assignmentId());
    return assignments.assignmentOfRequest(request.requestId()).switchIfEmpty(named)
        .map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(existing -> existing.isPresent()
            // The same request delivered again is a reprocess: retry what failed.
            ? assignments.lock(existing.get()).flatMap(assignment -> reprocessLocked(assignment, request.requestId())
                .onErrorResume(Conflict.class, refused -> {
                  log.warn("Request {} delivered again, not reprocessed: {}", request.requestId(), refused.getMessage());
                  return Mono.empty();
                }))
            : create(request));
  }

  private Mono<Void> create(AssignmentRequest request) {
    return packages.find(request.accessPackageId())
        .switchIfEmpty(Mono.error(() -> new PackageNotKnownYet(request.accessPackageId())))
        .flatMap(accessPackage -> Mono.zip(packages.roleScopes(accessPackage.id()), policyExpiration(request.assignmentPolicyId()))
            .flatMap(loaded -> {
              AssignmentRequest complete = request.catalogId() != null ? request : new AssignmentRequest(request.requestId(),
                  request.type(), request.accessPackageId(), accessPackage.catalogId(), request.assignmentPolicyId(),
                  request.targetId(), request.assignmentId(), request.startDateTime(), request.expiration());
              UUID id = request.assignmentId() != null ? request.assignmentId() : UUID.randomUUID();
              Instant now = clock.instant();
              Change<Assignment, AssignmentEvent> change;
              try {
                change = Assignment.create(id, complete, loaded.getT1(), loaded.getT2(), now);
              } catch (RuleViolation invalid) {
                change = Assignment.refuse(id, complete, invalid, now);
              }
              Assignment created = change.state();
              Instant grantFrom = created.schedule().startDateTime().isAfter(now) ? created.schedule().startDateTime() : now;
              return assignments.insert(created)
                  .then(assignments.linkRequest(request.requestId(), id))
                  .thenMany(Flux.fromIterable(created.roles()).concatMap(role -> holdings.acquire(created.targetId(), role.role(), id)
                      .then(queue(OperationKind.GRANT, created, role.role(), false, grantFrom))))
                  .then(armTimer(created))
                  .then(events.publish(change.events()))
                  .then(worker.afterCommit());
            }));
  }

  private Mono<Void> remove(AssignmentRequest request) {
    if (request.assignmentId() == null) {
      log.warn("Remove request {} names no assignment; nothing to remove.", request.requestId());
      return Mono.empty();
    }
    return assignments.lock(request.assignmentId())
        .switchIfEmpty(Mono.defer(() -> {
          log.warn("Remove request {} names assignment {}, which provisioning does not know.", request.requestId(),
              request.assignmentId());
          return Mono.<Assignment>empty();
        }))
        .flatMap(assignment -> {
          Mono<Void> link = assignments.linkRequest(request.requestId(), assignment.id());
          if (assignment.isEnded()) {
            return link.then(events.publish(assignment.alreadyEnded(request.requestId()).events()));
          }
          if (assignment.ending() != null) {
            log.warn("Remove request {}: assignment {} is already being removed.", request.requestId(), assignment.id());
            return link;
          }
          return link.then(end(assignment, released -> assignment.end(Ending.REMOVAL, request.requestId(), released,
              clock.instant())));
        });
  }

  private Mono<Void> update(AssignmentRequest request) {
    if (request.assignmentId() == null) {
      log.warn("Update request {} names no assignment; nothing to update.", request.requestId());
      return Mono.empty();
    }
    return assignments.lock(request.assignmentId())
        .flatMap(assignment -> policyExpiration(assignment.assignmentPolicyId()).flatMap(policy -> {
          Change<Assignment, AssignmentEvent> change = assignment.reschedule(request, policy, clock.instant());
          Mono<Void> write = change.state().equals(assignment) ? Mono.empty()
              : assignments.update(change.state()).then(armTimer(change.state()));
          return assignments.linkRequest(request.requestId(), assignment.id())
              .then(write)
              .then(events.publish(change.events()));
        }));
  }

  // ---- reprocess

  /** Graph's reprocess of an assignment: retries its failed roles, or re-enforces a delivered one's. */
  public Mono<Void> reprocess(UUID id) {
    return transactions.transactional(assignments.lock(id)
        .switchIfEmpty(Mono.error(() -> GraphException.notFound("accessPackageAssignment", id)))
        .flatMap(assignment -> reprocessLocked(assignment, null)));
  }

  private Mono<Void> reprocessLocked(Assignment assignment, UUID requestId) {
    return Mono.defer(() -> {
      Assignment.Reprocessing reprocessing = assignment.reprocess(requestId, clock.instant());
      Assignment next = reprocessing.assignment();
      return assignments.update(next)
          .thenMany(Flux.fromIterable(reprocessing.toGrant())
              .concatMap(role -> queue(OperationKind.GRANT, next, role.role(), reprocessing.reassert(), clock.instant())))
          .then(worker.afterCommit());
    });
  }

  // ---- ending: removal, expiry and the withdrawal of a canceled add

  /**
   * Releases every role the assignment holds. A role another live assignment still grants, or one the target held
   * before Quartermaster, is revoked at once without calling its system; the others are queued for revocation and
   * the assignment ends when the last is done. Grants still waiting (a start in the future, a retry) are dropped: an
   * ending assignment wants none, and a revoke queued behind a grant due later would wait for it.
   *
   * @param decide the domain's ending, given the roles released without a call to their system
   */
  private Mono<Void> end(Assignment assignment, Function<Set<String>, Change<Assignment, AssignmentEvent>> decide) {
    return timers.disarm(assignment.id())
        .then(operations.dropPendingGrants(assignment.id()))
        .thenMany(Flux.fromIterable(assignment.rolesToRelease())
            .concatMap(role -> holdings.release(assignment.targetId(), role.role(), assignment.id())
                .map(revoke -> Map.entry(role, revoke))))
        .collectList()
        .flatMap(decisions -> {
          Set<String> released = decisions.stream().filter(decision -> !decision.getValue())
              .map(decision -> decision.getKey().roleScopeId()).collect(Collectors.toSet());
          Change<Assignment, AssignmentEvent> change = decide.apply(released);
          Assignment ending = change.state();
          List<AssignedRole> toRevoke = decisions.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
          return assignments.update(ending)
              .thenMany(Flux.fromIterable(toRevoke)
                  .concatMap(role -> queue(OperationKind.REVOKE, ending, role.role(), false, clock.instant())))
              .then(events.publish(change.events()))
              .then(worker.afterCommit());
        });
  }

  /** What firing an expiry timer did. */
  public enum Expiry { FIRED, BUSY, GONE, RESCHEDULED }

  /**
   * Fires a due expiry timer inside the timer's transaction. An assignment locked by someone else is left for the next
   * round rather than waited for, so the timer poller never holds a timer while queueing behind an assignment.
   */
  public Mono<Expiry> expire(UUID id) {
    return assignments.lockIfFree(id).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
      if (found.isEmpty()) {
        return assignments.exists(id).flatMap(exists -> exists ? Mono.just(Expiry.BUSY)
            : timers.disarm(id).thenReturn(Expiry.GONE));
      }
      Assignment assignment = found.get();
      if (!assignment.isLive()) {
        return timers.disarm(id).thenReturn(Expiry.GONE);
      }
      Instant expiresAt = assignment.schedule().expiresAt();
      if (expiresAt == null) {
        return timers.disarm(id).thenReturn(Expiry.GONE);
      }
      if (expiresAt.isAfter(clock.instant())) {
        return timers.arm(id, expiresAt).thenReturn(Expiry.RESCHEDULED);
      }
      return end(assignment, released -> assignment.end(Ending.EXPIRY, null, released, clock.instant()))
          .thenReturn(Expiry.FIRED);
    });
  }

  // ---- the catalog changed a package's roles

  /** Every live assignment of the package gains the role, and its target gets it granted. */
  public Mono<Void> roleAddedToPackage(UUID accessPackageId, RoleDefinition role) {
    return assignments.liveOfPackage(accessPackageId)
        .concatMap(id -> assignments.lock(id).flatMap(assignment -> {
          Assignment next = assignment.addRole(role, clock.instant());
          if (next.equals(assignment)) {
            return Mono.empty();
          }
          return assignments.update(next)
              .then(holdings.acquire(next.targetId(), role, next.id()))
              .then(queue(OperationKind.GRANT, next, role, false, clock.instant()));
        }))
        .then(worker.afterCommit());
  }

  /** Every live assignment of the package stops granting the role; its target loses it unless still held otherwise. */
  public Mono<Void> roleRemovedFromPackage(UUID accessPackageId, String roleScopeId) {
    return assignments.liveOfPackage(accessPackageId)
        .concatMap(id -> assignments.lock(id).flatMap(assignment -> Mono.justOrEmpty(assignment.role(roleScopeId))
            .flatMap(role -> holdings.release(assignment.targetId(), role.role(), assignment.id()).flatMap(revoke -> {
              Change<Assignment, AssignmentEvent> change = assignment.dropRole(roleScopeId, clock.instant());
              Mono<Void> revocation = revoke ? queue(OperationKind.REVOKE, assignment, role.role(), false, clock.instant())
                  : Mono.empty();
              return assignments.update(change.state()).then(revocation).then(events.publish(change.events()));
            }))))
        .then(worker.afterCommit());
  }

  // ---- outcomes of operations, reported by the worker inside the operation's transaction

  /** Whether a queued grant is still wanted: its assignment is live and the role still waits (or is re-enforced). */
  public Mono<Boolean> grantWanted(PendingOperation operation) {
    return assignments.find(operation.assignmentId())
        .map(assignment -> assignment.isLive() && assignment.role(operation.role().roleScopeId())
            .map(role -> role.status() == RoleStatus.PENDING_FULFILLMENT
                || operation.reassert())
            .orElse(false))
        .defaultIfEmpty(false);
  }

  public Mono<Void> roleGranted(PendingOperation operation) {
    return apply(operation, assignment -> assignment.roleGranted(operation.role().roleScopeId(), clock.instant()));
  }

  public Mono<Void> roleFailed(PendingOperation operation, String cause) {
    return apply(operation, assignment -> assignment.roleFailed(operation.role().roleScopeId(), cause, clock.instant()));
  }

  public Mono<Void> roleRevoked(PendingOperation operation) {
    return apply(operation, assignment -> assignment.roleRevoked(operation.role().roleScopeId(), clock.instant()));
  }

  private Mono<Void> apply(PendingOperation operation,
      java.util.function.Function<Assignment, Change<Assignment, AssignmentEvent>> decision) {
    return assignments.lock(operation.assignmentId()).flatMap(assignment -> {
      Change<Assignment, AssignmentEvent> change = decision.apply(assignment);
      if (change.state().equals(assignment)) {
        return Mono.empty();
      }
      return assignments.update(change.state()).then(events.publish(change.events()));
    });
  }

  // ---- helpers

  private Mono<Void> queue(OperationKind kind, Assignment assignment, RoleDefinition role, boolean reassert, Instant dueAt) {
    return Mono.deferContextual(context -> operations.enqueue(kind, assignment.id(), assignment.targetId(), role, reassert,
        dueAt, context.getOrDefault(EventMetadataFactory.CORRELATION_ID, null), clock.instant()));
  }

  private Mono<Void> armTimer(Assignment assignment) {
    Instant expiresAt = assignment.schedule().expiresAt();
    return expiresAt != null && assignment.isLive() ? timers.arm(assignment.id(), expiresAt) : timers.disarm(assignment.id());
  }

  private Mono<ExpirationPattern> policyExpiration(UUID policyId) {
    if (policyId == null) {
      return Mono.just(ExpirationPattern.NOT_SPECIFIED);
    }
    return policies.find(policyId).map(PolicySummary::expiration).defaultIfEmpty(ExpirationPattern.NOT_SPECIFIED);
  }
}
