package org.quartermaster.provisioning.operations.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff for operations a target system could not carry out yet: the first retry after {@code initial},
 * doubling up to {@code max}, for as long as it takes. Nothing is given up: an unreachable system delays access, it
 * never silently drops it.
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
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
