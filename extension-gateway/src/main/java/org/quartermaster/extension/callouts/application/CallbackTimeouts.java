package org.quartermaster.extension.callouts.application;

import java.time.Clock;
import org.quartermaster.extension.callouts.persistence.CalloutStore;
import org.quartermaster.extension.config.ExtensionProperties;
import org.quartermaster.extension.events.ExtensionEventPublisher;
import org.quartermaster.platform.outbox.EventMetadataFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.quartermaster.platform.work.PeriodicSweep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Ends the wait of launch-and-wait callouts whose callback did not come by {@code invokedAt + durationBeforeTimeout},
 * on the service's clock. Each overdue callout is claimed with {@code FOR UPDATE SKIP LOCKED} and timed out in the
 * same transaction as its ExtensionTimedOut, so it times out once across instances, and one that came due while the
 * service was down times out at the first poll after it is back.
 */
@Component
public class CallbackTimeouts extends PeriodicSweep {

  private static final Logger log = LoggerFactory.getLogger(CallbackTimeouts.class);
  private static final int PER_ROUND = 200;

  private final CalloutStore callouts;
  private final ExtensionEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public CallbackTimeouts(CalloutStore callouts, ExtensionEventPublisher events, TransactionalOperator transactions,
      Clock clock, ExtensionProperties properties) {
    super(properties.callbacks().pollInterval());
    this.callouts = callouts;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  protected Mono<Void> round() {
    return drain(this::timeOutOne, PER_ROUND);
  }

  private Mono<Boolean> timeOutOne() {
    return transactions.transactional(callouts.claimNextOverdueCallback(clock.instant())
            .flatMap(callout -> callouts.correlationId(callout.id()).defaultIfEmpty("")
                .flatMap(correlation -> {
                  var change = callout.timeOut();
                  log.info("Callout {} of request {}: no callback by its deadline", callout.id(), callout.requestId());
                  return callouts.update(change.state(), clock.instant())
                      .then(events.publishCallouts(change.events()))
                      .contextWrite(context -> correlation.isEmpty() ? context
                          : context.put(EventMetadataFactory.CORRELATION_ID, correlation));
                })
                .thenReturn(true)))
        .defaultIfEmpty(false);
  }
}
