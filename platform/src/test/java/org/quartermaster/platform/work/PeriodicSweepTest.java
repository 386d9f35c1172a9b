package org.quartermaster.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PeriodicSweepTest {

  @Test
  void drainStopsAtTheFirstRoundWithNothingDue() {
    AtomicInteger calls = new AtomicInteger();

    PeriodicSweep.drain(() -> Mono.fromSupplier(() -> calls.incrementAndGet() < 4), 100).block();

    assertThat(calls).hasValue(4);
  }

  @Test
  void drainStopsAtItsBoundWhileWorkKeepsComingDue() {
    AtomicInteger calls = new AtomicInteger();

    PeriodicSweep.drain(() -> Mono.fromSupplier(() -> calls.incrementAndGet() > 0), 5).block();

    assertThat(calls).hasValue(5);
  }

  @Test
  void aFailedRoundDoesNotEndTheSweepAndStopEndsIt() {
    AtomicInteger rounds = new AtomicInteger();
    PeriodicSweep sweep = new PeriodicSweep(Duration.ofMillis(20)) {
      @Override
      protected Mono<Void> round() {
        return rounds.incrementAndGet() == 1 ? Mono.error(new IllegalStateException("database away")) : Mono.empty();
      }
    };

    sweep.start();
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
    sweep.stop();

    assertThat(sweep.isRunning()).isFalse();
    int stoppedAt = rounds.get();
    Awaitility.await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(1)).until(() -> rounds.get() == stoppedAt);
  }
}
