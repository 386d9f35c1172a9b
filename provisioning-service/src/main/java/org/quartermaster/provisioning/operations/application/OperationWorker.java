package org.quartermaster.provisioning.operations.application;

import java.time.Clock;
import java.time.Duration;
import org.quartermaster.platform.domain.Backoff;
import org.quartermaster.platform.outbox.EventMetadataFactory;
import org.quartermaster.platform.work.CommitSignal;
import org.quartermaster.provisioning.assignments.application.AssignmentService;
import org.quartermaster.provisioning.config.ProvisioningProperties;
import org.quartermaster.provisioning.connectors.application.Connectors;
import org.quartermaster.provisioning.connectors.domain.ConnectorFailure;
import org.quartermaster.provisioning.operations.domain.OperationKind;
import org.quartermaster.provisioning.operations.domain.PendingOperation;
import org.quartermaster.provisioning.operations.persistence.OperationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries out pending grants and revokes. Each runs in its own transaction that claims the operation with
 * {@code FOR UPDATE SKIP LOCKED}, calls the target system while holding that lock, and records the outcome (the
 * assignment's new state and events, or a retry time) before the operation row is deleted or postponed. A crash
 * between the call and the commit leaves the operation queued, and it runs again: connectors are idempotent.
 */
@Component
public class OperationWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OperationWorker.class);
  /** Operations one worker runs per round before the next round re-reads the queue. */
  private static final int PER_ROUND = 100;

  private final OperationStore operations;
  private final AssignmentService assignments;
  private final Connectors connectors;
  private final CommitSignal signal;
  private final TransactionalOperator transactions;
  private final Backoff backoff;
  private final Clock clock;
  private final Duration pollInterval;
  private final int workers;
  private volatile Disposable loop;

  public OperationWorker(OperationStore operations, AssignmentService assignments, Connectors connectors,
      CommitSignal signal, TransactionalOperator transactions, Backoff backoff, Clock clock,
      ProvisioningProperties properties) {
    this.operations = operations;
    this.assignments = assignments;
    this.connectors = connectors;
    this.signal = signal;
    this.transactions = transactions;
    this.backoff = backoff;
    this.clock = clock;
    this.pollInterval = properties.operations().pollInterval();
    this.workers = Math.max(1, properties.operations().workers());
  }

  @Override
  public void start() {
    loop = Flux.merge(Flux.interval(Duration.ZERO, pollInterval), signal.wakeups())
        .onBackpressureLatest()
        .concatMap(tick -> round(), 1)
        .subscribe();
  }

  /** Every worker drains due operations until none is left or its share of the round is done. */
  Mono<Void> round() {
    return Flux.range(0, workers)
        .flatMap(worker -> runOne().repeat(PER_ROUND - 1L).takeUntil(ran -> !ran))
        .then()
        .onErrorResume(error -> {
          log.warn("Operation round failed; the next poll retries: {}", error.toString());
          return Mono.empty();
        });
  }

  /** Runs the next due operation; false when none was due. */
  Mono<Boolean> runOne() {
    return transactions.transactional(operations.claimNextDue(clock.instant())
            .flatMap(operation -> execute(operation)
                .contextWrite(context -> operation.correlationId() == null ? context
                    : context.put(EventMetadataFactory.CORRELATION_ID, operation.correlationId()))
                .thenReturn(true)))
        .defaultIfEmpty(false);
  }

  private Mono<Void> execute(PendingOperation operation) {
    if (operation.kind() == OperationKind.GRANT) {
      return assignments.grantWanted(operation).flatMap(wanted -> !wanted
          // Its assignment ended or the role left the package meanwhile: nothing to grant any more.
          ? operations.delete(operation.id())
          : connectors.grant(operation)
              .then(Mono.defer(() -> operations.delete(operation.id()).then(assignments.roleGranted(operation))))
              .onErrorResume(ConnectorFailure.class, failure -> failure.isPermanent()
                  ? operations.delete(operation.id()).then(assignments.roleFailed(operation, failure.getMessage()))
                  : retryLater(operation, failure)));
    }
    return connectors.revoke(operation)
        .then(Mono.defer(() -> operations.delete(operation.id()).then(assignments.roleRevoked(operation))))
        .onErrorResume(ConnectorFailure.class, failure -> {
          if (!failure.isPermanent()) {
            return retryLater(operation, failure);
          }
          // A revoke the system refuses outright cannot succeed later either; the role is no longer Quartermaster's.
          log.error("Revoke of {} for {} refused for good; treating it as revoked: {}", operation.role().roleOriginId(),
              operation.targetId(), failure.getMessage());
          return operations.delete(operation.id()).then(assignments.roleRevoked(operation));
        });
  }

  private Mono<Void> retryLater(PendingOperation operation, ConnectorFailure failure) {
    int attempts = operation.attempts() + 1;
    var next = backoff.next(clock.instant(), attempts);
    log.info("{} of {} for {} failed (attempt {}), retrying at {}: {}", operation.kind(), operation.role().roleOriginId(),
        operation.targetId(), attempts, next, failure.getMessage());
    return operations.postpone(operation.id(), next, attempts, failure.getMessage());
  }

  @Override
  public void stop() {
    Disposable running = loop;
    if (running != null) {
      running.dispose();
    }
    loop = null;
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }

  /** Starts after the database and stops before it; the event containers need not run for it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 300;
  }
}
