package org.quartermaster.extension.callouts.application;

import java.time.Clock;
import java.time.Duration;
import org.quartermaster.extension.callouts.persistence.CalloutStore;
import org.quartermaster.extension.config.ExtensionProperties;
import org.quartermaster.extension.events.ExtensionEventPublisher;
import org.quartermaster.platform.outbox.EventMetadataFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends the wait of launch-and-wait callouts whose callback did not come by {@code invokedAt + durationBeforeTimeout},
 * on the service's clock. Each overdue callout is claimed with {@code FOR UPDATE SKIP LOCKED} and timed out in the
 * same transaction as its ExtensionTimedOut, so it times out once across instances, and one that came due while the
 * service was down times out at the first poll after it is back.
 */
@Component
public class CallbackTimeouts implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CallbackTimeouts.class);
  private static final int PER_ROUND = 200;

  private final CalloutStore callouts;
  private final ExtensionEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;
  private final Duration pollInterval;
  private volatile Disposable loop;

  public CallbackTimeouts(CalloutStore callouts, ExtensionEventPublisher events, TransactionalOperator transactions,
      Clock clock, ExtensionProperties properties) {
    this.callouts = callouts;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.pollInterval = properties.callbacks().pollInterval();
  }

  @Override
  public void start() {
    loop = Flux.interval(pollInterval, pollInterval)
        .onBackpressureDrop()
        .concatMap(tick -> round(), 1)
        .subscribe();
  }

  Mono<Void> round() {
    return Mono.defer(this::timeOutOne).repeat(PER_ROUND - 1L).takeUntil(fired -> !fired).then()
        .onErrorResume(error -> {
          log.warn("Callback timeout round failed; the next poll retries: {}", error.toString());
          return Mono.empty();
        });
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
