package org.quartermaster.platform.work;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a round of due work every interval, one round at a time, for timers kept as rows. A round claims due rows one
 * per transaction with {@code FOR UPDATE SKIP LOCKED}, so instances share the work and each timer fires once, and a
 * timer that came due while the service was down fires at the first round after it is back. A failed round is logged
 * and the next one retries it.
 */
public abstract class PeriodicSweep implements SmartLifecycle {

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final Duration interval;
  private volatile Disposable loop;

  protected PeriodicSweep(Duration interval) {
    this.interval = interval;
  }

  /** One round of due work. */
  protected abstract Mono<Void> round();

  /**
   * Repeats {@code one} until it reports that nothing was due, at most {@code max} times, so one round cannot run on
   * forever while timers keep coming due.
   */
  protected static Mono<Void> drain(Supplier<Mono<Boolean>> one, int max) {
    return Mono.defer(one).repeat(max - 1L).takeUntil(fired -> !fired).then();
  }

  @Override
  public void start() {
    loop = Flux.interval(interval, interval)
        .onBackpressureDrop()
        .concatMap(tick -> round().onErrorResume(error -> {
          log.warn("A round failed; the next one retries: {}", error.toString());
          return Mono.empty();
        }), 1)
        .subscribe();
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

  /** Late in start-up and early in shutdown: rounds need the database and the outbox. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 300;
  }
}
