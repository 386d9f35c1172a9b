package org.quartermaster.request.approvals.application;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.request.extensions.application.CalloutWaitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fires approval timers on the service's clock: escalations and timeouts are deadlines stored on the request rows, so
 * they survive restarts, and a deadline that passed while the service was down fires at the first sweep after it is
 * back. The same sweep fires the safety deadline of requests waiting for a custom extension's callback. Each sweep claims due requests one at a time, each in its own transaction with {@code FOR UPDATE SKIP LOCKED},
 * so instances share the work and a timer fires once.
 */
@Component
public class ApprovalSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ApprovalSweeper.class);
  /** Due requests one sweep handles at most; the rest wait for the next sweep, so one sweep cannot run on forever. */
  static final int PER_SWEEP = 100;

  private final ApprovalService approvals;
  private final CalloutWaitService calloutWaits;
  private final Duration interval;
  private volatile Disposable loop;

  public ApprovalSweeper(ApprovalService approvals, CalloutWaitService calloutWaits, ApprovalProperties properties) {
    this.approvals = approvals;
    this.calloutWaits = calloutWaits;
    this.interval = properties.approvalSweepInterval();
  }

  @Override
  public void start() {
    loop = Flux.interval(interval, interval)
        .onBackpressureDrop()
        .concatMap(tick -> sweep(), 1)
        .subscribe();
  }

  Mono<Void> sweep() {
    Set<UUID> handled = new HashSet<>();
    Set<UUID> waited = new HashSet<>();
    return Mono.defer(() -> approvals.sweepOne(handled)).repeat(PER_SWEEP - 1L).takeUntil(fired -> !fired).then()
        .then(Mono.defer(() -> calloutWaits.sweepOne(waited)).repeat(PER_SWEEP - 1L).takeUntil(fired -> !fired).then())
        .onErrorResume(error -> {
          log.warn("Approval sweep failed; the next sweep retries: {}", error.toString());
          return Mono.empty();
        });
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
