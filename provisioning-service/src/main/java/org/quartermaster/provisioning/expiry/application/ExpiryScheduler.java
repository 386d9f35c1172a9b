package org.quartermaster.provisioning.expiry.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.quartermaster.provisioning.assignments.application.AssignmentService;
import org.quartermaster.provisioning.config.ProvisioningProperties;
import org.quartermaster.provisioning.expiry.persistence.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fires expiry timers on the service's clock. Each poll claims due timers one at a time with
 * {@code FOR UPDATE SKIP LOCKED} and ends the assignment in the same transaction, so a timer fires once across
 * instances, and a timer that came due while the service was down fires at the first poll after it is back.
 */
@Component
public class ExpiryScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExpiryScheduler.class);
  private static final int PER_ROUND = 200;

  private final TimerStore timers;
  private final AssignmentService assignments;
  private final TransactionalOperator transactions;
  private final Clock clock;
  private final Duration pollInterval;
  private volatile Disposable loop;

  public ExpiryScheduler(TimerStore timers, AssignmentService assignments, TransactionalOperator transactions, Clock clock,
      ProvisioningProperties properties) {
    this.timers = timers;
    this.assignments = assignments;
    this.transactions = transactions;
    this.clock = clock;
    this.pollInterval = properties.expiry().pollInterval();
  }

  @Override
  public void start() {
    loop = Flux.interval(pollInterval, pollInterval)
        .onBackpressureDrop()
        .concatMap(tick -> round(), 1)
        .subscribe();
  }

  Mono<Void> round() {
    List<UUID> busy = new ArrayList<>();
    return Mono.defer(() -> fireOne(busy)).repeat(PER_ROUND - 1L).takeUntil(fired -> !fired).then()
        .onErrorResume(error -> {
          log.warn("Expiry round failed; the next poll retries: {}", error.toString());
          return Mono.empty();
        });
  }

  /** Fires the next due timer; false when none is due. A timer whose assignment is busy waits for the next round. */
  private Mono<Boolean> fireOne(List<UUID> busy) {
    return transactions.transactional(timers.claimNextDue(clock.instant(), List.copyOf(busy))
            .flatMap(id -> assignments.expire(id).map(outcome -> {
              if (outcome == AssignmentService.Expiry.BUSY) {
                busy.add(id);
              } else if (outcome == AssignmentService.Expiry.FIRED) {
                log.info("Assignment {} expired", id);
              }
              return true;
            })))
        .defaultIfEmpty(false);
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

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 300;
  }
}
