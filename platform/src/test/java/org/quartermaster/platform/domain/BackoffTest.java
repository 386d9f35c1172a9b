package org.quartermaster.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retries double from the initial wait up to the cap, and never stop. */
class BackoffTest {

  @Test
  void doublesUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(7)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(backoff.next(now, 3)).isEqualTo(now.plusSeconds(2));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }
}
