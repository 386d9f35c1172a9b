package org.quartermaster.request.approvals.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.request.approvals.domain.Approval;
import org.quartermaster.request.approvals.domain.ResolvedApprovers;
import org.quartermaster.request.approvals.domain.ReviewResult;
import org.quartermaster.request.approvals.domain.Stage;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.NotAllowed;
import org.quartermaster.request.common.domain.NotFound;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.directory.persistence.DirectoryStore;
import org.quartermaster.request.events.RequestEventPublisher;
import org.quartermaster.request.extensions.application.StageExtensions;
import org.quartermaster.request.extensions.domain.ExtensionStage;
import org.quartermaster.request.requests.domain.AssignmentRequest;
import org.quartermaster.request.requests.domain.RequestEvent;
import org.quartermaster.request.requests.domain.RequestRules;
import org.quartermaster.request.requests.domain.Requester;
import org.quartermaster.request.requests.persistence.RequestStore;
import org.quartermaster.request.separation.application.DeliveryGate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Approval use cases. A decision locks the request's row, so two approvers deciding at once are applied one after the
 * other (the second may find the stage closed: 409); the state, the approval and the events commit together. The last
 * approval runs separation of duties' last check in the same transaction before delivery is requested.
 */
@Service
public class ApprovalService {

  private final RequestStore requests;
  private final ApproverResolver approvers;
  private final DirectoryStore directory;
  private final RequestEventPublisher events;
  private final DeliveryGate deliveryGate;
  private final StageExtensions stageExtensions;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public ApprovalService(RequestStore requests, ApproverResolver approvers, DirectoryStore directory,
      RequestEventPublisher events, DeliveryGate deliveryGate, StageExtensions stageExtensions,
      TransactionalOperator transactions, Clock clock) {
    this.requests = requests;
    this.approvers = approvers;
    this.directory = directory;
    this.events = events;
    this.deliveryGate = deliveryGate;
    this.stageExtensions = stageExtensions;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** An approval as the caller may see it, with the display names of everyone it names. */
  public record ApprovalRead(AssignmentRequest request, Map<UUID, String> names) {

    public Approval approval() {
      return request.approval();
    }
  }

  // ---- decisions

  /** The caller decides a stage of a request's approval. */
  public Mono<AssignmentRequest> decide(UUID requestId, UUID stageId, Requester requester, ReviewResult result,
      String justification) {
    return decide(requestId, request -> request.stageOf(stageId).id(), requester, result, justification);
  }

  /**
   * The caller decides whichever stage of the request is current, as the bulk endpoint does.
   *
   * @return the request afterwards; its approval names the stage decided
   */
  public Mono<Decided> decideCurrent(UUID requestId, Requester requester, ReviewResult result, String justification) {
    List<UUID> decided = new ArrayList<>(1);
    return decide(requestId, request -> {
      if (request.approval() == null) {
        throw new NotFound("id", "Assignment request '" + requestId + "' has no approval: its policy did not require one.");
      }
      UUID stageId = request.approval().current().map(Stage::id).orElseThrow(() -> new Conflict("state",
          "Assignment request '" + requestId + "' is " + request.state().graphName() + ": no approval stage waits for "
              + "a decision."));
      decided.add(stageId);
      return stageId;
    }, requester, result, justification).map(request -> new Decided(request, decided.get(0)));
  }

  /** A decision of the bulk endpoint: the request afterwards and the stage that was current. */
  public record Decided(AssignmentRequest request, UUID stageId) {
  }

  private Mono<AssignmentRequest> decide(UUID requestId, Function<AssignmentRequest, UUID> stageOf, Requester requester,
      ReviewResult result, String justification) {
    return transactions.transactional(requests.lock(requestId)
        .switchIfEmpty(Mono.error(() -> notFound(requestId)))
        .flatMap(request -> {
          UUID stageId = stageOf.apply(request);
          Instant now = now();
          return upcoming(request).flatMap(next -> {
            Change<AssignmentRequest, RequestEvent> decided = request.decide(stageId, requester.objectId(), result,
                justification, next, now);
            return release(decided, now);
          }).flatMap(change -> save(request, change));
        }));
  }

  /** The approvers of the stage after the current one, in case this decision starts it; nobody when there is none. */
  private Mono<ResolvedApprovers> upcoming(AssignmentRequest request) {
    Approval approval = request.approval();
    if (approval == null || approval.current().isEmpty()) {
      return Mono.just(ResolvedApprovers.NONE);
    }
    return approval.upcoming().map(stage -> approvers.primary(stage.settings(), request.requestorId()))
        .orElse(Mono.just(ResolvedApprovers.NONE));
  }

  /**
   * After the last approval. Launch-and-wait extensions bound at assignmentRequestApproved (per the read models now)
   * hold the request first: Approved is announced and it waits for their callbacks. Otherwise, or once they called back,
   * separation of duties has the last word, then delivery is requested or the request denied. Must run in the
   * transaction that stores the result; the callout consumer calls it too, after the last callback.
   *
   * @param decided the request and the events so far; returned as it is unless every stage is approved
   */
  public Mono<Change<AssignmentRequest, RequestEvent>> release(Change<AssignmentRequest, RequestEvent> decided,
      Instant now) {
    AssignmentRequest ready = decided.state();
    if (!ready.readyForDelivery()) {
      return Mono.just(decided);
    }
    Mono<Change<AssignmentRequest, RequestEvent>> held = ready.passed(ExtensionStage.ASSIGNMENT_REQUEST_APPROVED)
        ? Mono.just(Change.none(ready))
        : stageExtensions.bound(ready.assignmentPolicyId(), ExtensionStage.ASSIGNMENT_REQUEST_APPROVED)
            .map(bound -> ready.awaitApprovedCallbacks(bound, now));
    return held.flatMap(waited -> waited.state().waitingForCallback() ? Mono.just(decided.andThen(waited))
        : deliveryGate.recheck(ready).map(refusal -> decided.andThen(ready.release(refusal, now))));
  }

  // ---- time

  /**
   * Escalates or times out the pending request whose deadline passed first, in its own transaction; false when none is
   * due. The row stays locked until commit and other instances skip it, so each timer fires once.
   *
   * @param handled requests already handled in this round, which the claim skips
   */
  public Mono<Boolean> sweepOne(Collection<UUID> handled) {
    return transactions.transactional(Mono.defer(() -> {
      Instant now = now();
      return requests.claimNextDue(now, List.copyOf(handled)).flatMap(request -> {
        handled.add(request.id());
        Approval approval = request.approval();
        Mono<ResolvedApprovers> escalation = approval != null && approval.escalationDue(now)
            ? approvers.escalation(approval.current().orElseThrow().settings(), request.requestorId())
            : Mono.just(ResolvedApprovers.NONE);
        return escalation.flatMap(joining -> save(request, request.tick(now, joining))).thenReturn(true);
      });
    })).defaultIfEmpty(false);
  }

  // ---- reading

  /**
   * The request's approval, for an approver of a started stage, the requestor, the target or an administrator.
   */
  public Mono<ApprovalRead> read(UUID requestId, Requester requester) {
    return requests.find(requestId)
        .switchIfEmpty(Mono.error(() -> notFound(requestId)))
        .flatMap(request -> {
          if (request.approval() == null) {
            return Mono.error(notFound(requestId));
          }
          UUID caller = requester.objectId();
          boolean visible = requester.administrator() || caller.equals(request.requestorId())
              || caller.equals(request.targetId()) || request.approval().involves(caller);
          if (!visible) {
            return Mono.error(new NotAllowed("id", "User '" + caller + "' is neither an approver, the requestor nor the "
                + "target of approval '" + requestId + "', and lacks the " + RequestRules.ADMIN_PERMISSION
                + " permission."));
          }
          return named(List.of(request)).map(names -> new ApprovalRead(request, names));
        });
  }

  /** The approvals whose current stage waits for the caller's decision, oldest request first. */
  public Mono<List<ApprovalRead>> awaiting(UUID approverId) {
    return requests.awaitingDecision(approverId).collectList()
        .flatMap(found -> named(found).map(names -> found.stream().map(request -> new ApprovalRead(request, names))
            .toList()));
  }

  private Mono<Map<UUID, String>> named(List<AssignmentRequest> found) {
    Set<UUID> ids = new HashSet<>();
    found.forEach(request -> request.approval().stages()
        .forEach(stage -> stage.decisions().forEach(decision -> ids.add(decision.approverId()))));
    return directory.findUsers(ids).collect(Collectors.toMap(DirectoryUser::id, DirectoryUser::displayName));
  }

  private Mono<AssignmentRequest> save(AssignmentRequest before, Change<AssignmentRequest, RequestEvent> change) {
    if (change.state().equals(before)) {
      return Mono.just(before);
    }
    return requests.update(change.state()).then(events.publish(change.events())).thenReturn(change.state());
  }

  public static NotFound notFound(UUID requestId) {
    return new NotFound("id", "Resource '" + requestId + "' of type 'accessPackageAssignmentApproval' does not exist.");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
