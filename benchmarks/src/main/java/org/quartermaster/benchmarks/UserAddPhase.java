package org.quartermaster.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One open-loop phase of the userAdd benchmark: so many requests per second for so many seconds, each for a user and
 * package not asked for before, then a bounded wait for their deliveries.
 */
final class UserAddPhase {

  private static final Duration START_DELAY = Duration.ofMillis(50);
  /** Every request is answered or abandoned by the drain deadline; this is only a safety margin on top. */
  private static final Duration ANSWER_MARGIN = Duration.ofSeconds(10);

  private UserAddPhase() {
  }

  /** One userAdd: a user asking for one package for themselves, with their own token. */
  record Ask(Requestors.Requestor requestor, SelfServicePackage access) {

    /** What the watcher files this request's events under: its target user and package. */
    String key() {
      return DeliveryWatcher.key(requestor.id(), access.accessPackageId());
    }
  }

  /**
   * What the phase did; analysed later by {@link PhaseResult}.
   *
   * @param keys each request's target user and package, by index (see {@link Ask#key()})
   * @param drainDeadline when the benchmark stopped waiting for deliveries ({@link System#nanoTime()})
   * @param acceptedBefore requests of earlier phases that were accepted (201)
   */
  record Run(String name, int rate, int seconds, List<String> keys, OpenLoop.Sends sends, long drainDeadline,
      long acceptedBefore) {
  }

  static Run run(String name, int rate, int seconds, List<Ask> asks, OpenLoop loop, DeliveryWatcher watcher,
      Duration drain, long acceptedBefore) throws Exception {
    List<String> keys = asks.stream().map(Ask::key).toList();
    List<String> tokens = asks.stream().map(ask -> ask.requestor().token()).toList();
    // Serialised before the clock starts, so the sender does as little as possible between sends.
    JsonMapper json = JsonMapper.builder().build();
    List<String> bodies = asks.stream()
        .map(ask -> json.writeValueAsString(ask.access().userAdd(ask.requestor().id()))).toList();
    BenchmarkMain.progress("user-add " + name + ": " + rate + " req/s for " + seconds + " s (" + asks.size()
        + " requests)");
    CompletableFuture<Void> answered = new CompletableFuture<>();
    OpenLoop.Sends sends = loop.run(tokens, bodies, rate, System.nanoTime() + START_DELAY.toNanos(), answered);
    long lastIntended = sends.intended()[sends.count() - 1];
    long drainDeadline = lastIntended + drain.toNanos();
    try {
      answered.get(drainDeadline + ANSWER_MARGIN.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      BenchmarkMain.progress("user-add " + name + ": some POSTs still unanswered " + ANSWER_MARGIN + " after the wait");
    }
    awaitDeliveries(keys, sends, watcher, drainDeadline);
    long stoppedWaiting = Math.min(System.nanoTime(), drainDeadline);
    return new Run(name, rate, seconds, keys, sends, stoppedWaiting, acceptedBefore);
  }

  /** Until every accepted request of the phase is delivered or failed, or the deadline passes. */
  private static void awaitDeliveries(List<String> keys, OpenLoop.Sends sends, DeliveryWatcher watcher,
      long deadline) throws InterruptedException {
    int next = 0;
    while (System.nanoTime() < deadline) {
      while (next < keys.size() && settled(keys.get(next), sends.status()[next], watcher)) {
        next++;
      }
      if (next == keys.size()) {
        return;
      }
      Thread.sleep(20);
    }
  }

  private static boolean settled(String key, int status, DeliveryWatcher watcher) {
    if (status != 201) {
      return status != 0;
    }
    RequestTrace trace = watcher.trace(key);
    return trace.deliveredArrivalNanos() != 0 || trace.failure() != null;
  }
}
