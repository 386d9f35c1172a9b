package org.quartermaster.provisioning.expiry.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.quartermaster.provisioning.assignments.application.AssignmentService;
import org.quartermaster.provisioning.config.ProvisioningProperties;
import org.quartermaster.provisioning.expiry.persistence.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.quartermaster.platform.work.PeriodicSweep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Fires expiry timers on the service's clock. Each poll claims due timers one at a time with
 * {@code FOR UPDATE SKIP LOCKED} and ends the assignment in the same transaction, so a timer fires once across
 * instances, and a timer that came due while the service was down fires at the first poll after it is back.
 */
@Component
public class ExpiryScheduler extends PeriodicSweep {

  private static final Logger log = LoggerFactory.getLogger(ExpiryScheduler.class);
  private static final int PER_ROUND = 200;

  private final TimerStore timers;
  private final AssignmentService assignments;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public ExpiryScheduler(TimerStore timers, AssignmentService assignments, TransactionalOperator transactions, Clock clock,
      ProvisioningProperties properties) {
    super(properties.expiry().pollInterval());
    this.timers = timers;
    this.assignments = assignments;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  protected Mono<Void> round() {
    List<UUID> busy = new ArrayList<>();
    return drain(() -> fireOne(busy), PER_ROUND);
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
}
