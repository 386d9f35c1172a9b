package org.quartermaster.extension.callouts.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed attempt is tried again: after {@code initial}, doubling per failure up to {@code max}. How many
 * attempts there are is the extension's ({@code 1 + maximumRetries}, at most 5); with the defaults (2 s, 30 s) the
 * last of five attempts starts about 30 s after the first, plus the time the attempts themselves take.
 */
public record RetryPolicy(Duration initial, Duration max) {

  public RetryPolicy {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("retries need 0 < initial <= max, got " + initial + " and " + max);
    }
  }

  /** When to try again after {@code failedAttempts} failures (1 after the first). */
  public Instant next(Instant now, int failedAttempts) {
    return now.plus(delay(failedAttempts));
  }

  public Duration delay(int failedAttempts) {
    int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
    long millis = initial.toMillis() << doublings;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }
}
