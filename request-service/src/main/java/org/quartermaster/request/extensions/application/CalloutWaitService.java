package org.quartermaster.request.extensions.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.request.approvals.application.ApprovalService;
import org.quartermaster.request.approvals.application.ApproverResolver;
import org.quartermaster.request.approvals.domain.ResolvedApprovers;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.events.RequestEventPublisher;
import org.quartermaster.request.extensions.domain.CalloutReport;
import org.quartermaster.request.extensions.domain.ExtensionStage;
import org.quartermaster.request.requests.domain.AssignmentRequest;
import org.quartermaster.request.requests.domain.RequestEvent;
import org.quartermaster.request.requests.persistence.RequestStore;
import org.quartermaster.request.separation.application.DeliveryGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Requests held by launch-and-wait custom extensions. A callout event locks the request's row and, when it is the last
 * awaited callback, moves the request on in the same transaction exactly as if it had not waited: the first approval
 * stage starts, or delivery is requested through the {@link DeliveryGate}, or (after the approved stage) the approval
 * releases it through {@link ApprovalService#release}. A denial, failure or timeout denies it.
 */
@Service
public class CalloutWaitService {

  private static final Logger log = LoggerFactory.getLogger(CalloutWaitService.class);

  private final RequestStore requests;
  private final ApproverResolver approvers;
  private final DeliveryGate deliveryGate;
  private final ApprovalService approvals;
  private final RequestEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public CalloutWaitService(RequestStore requests, ApproverResolver approvers, DeliveryGate deliveryGate,
      ApprovalService approvals, RequestEventPublisher events, TransactionalOperator transactions, Clock clock) {
    this.requests = requests;
    this.approvers = approvers;
    this.deliveryGate = deliveryGate;
    this.approvals = approvals;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Applies a callout event to its request. Runs in the consumer's transaction. A request that does not wait for that
   * callout (unknown, another stage, already moved on, a repeat) changes nothing.
   *
   * @return whether the request changed
   */
  public Mono<Boolean> hear(CalloutReport report) {
    return requests.lock(report.requestId())
        .flatMap(request -> {
          Instant now = now();
          return goOn(request.hear(report, now), now).flatMap(change -> save(request, change))
              .map(saved -> !saved.equals(request));
        })
        .onErrorResume(Conflict.class, refused -> {
          // The callout is a fact; refusing it would only stall the topic.
          log.warn("ignored {} of extension {} for request {}: {}", report.kind(), report.extensionId(),
              report.requestId(), refused.getMessage());
          return Mono.just(false);
        })
        .defaultIfEmpty(false);
  }

  /** Once the last awaited callback came, the request goes on from where it stopped, in this transaction. */
  private Mono<Change<AssignmentRequest, RequestEvent>> goOn(Change<AssignmentRequest, RequestEvent> heard, Instant now) {
    AssignmentRequest request = heard.state();
    if (request.passed(ExtensionStage.ASSIGNMENT_REQUEST_CREATED)) {
      if (request.approval() != null) {
        Mono<ResolvedApprovers> firstStage = request.approval().upcoming()
            .map(stage -> approvers.primary(stage.settings(), request.requestorId()))
            .orElse(Mono.just(ResolvedApprovers.NONE));
        return firstStage.map(resolved -> heard.andThen(request.startApproval(resolved, now)));
      }
      return deliveryGate.recheck(request).map(refusal -> heard.andThen(request.requestDelivery(refusal, now)));
    }
    if (request.passed(ExtensionStage.ASSIGNMENT_REQUEST_APPROVED)) {
      return approvals.release(heard, now);
    }
    return Mono.just(heard);
  }

  // ---- the safety net

  /**
   * Denies the waiting request whose safety deadline passed first, in its own transaction; false when none is due. The
   * row stays locked until commit and other instances skip it, so each deadline fires once.
   *
   * @param handled requests already handled in this round, which the claim skips
   */
  public Mono<Boolean> sweepOne(Collection<UUID> handled) {
    return transactions.transactional(Mono.defer(() -> {
      Instant now = now();
      return requests.claimNextCalloutDue(now, List.copyOf(handled)).flatMap(request -> {
        handled.add(request.id());
        return save(request, request.expireWait(now)).thenReturn(true);
      });
    })).defaultIfEmpty(false);
  }

  private Mono<AssignmentRequest> save(AssignmentRequest before, Change<AssignmentRequest, RequestEvent> change) {
    if (change.state().equals(before)) {
      return Mono.just(before);
    }
    return requests.update(change.state()).then(events.publish(change.events())).thenReturn(change.state());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
