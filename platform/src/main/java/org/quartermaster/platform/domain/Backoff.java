package org.quartermaster.platform.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff: the first retry after {@code initial}, doubling per failure up to {@code max}. How many
 * attempts there are is the caller's decision (provisioning retries for as long as it takes, a callout gives up after
 * its extension's retries), so this only says when the next one is due.
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
    // Capped at 30 doublings so the shift cannot overflow for any sensible initial wait; max applies long before.
    int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
    long millis = initial.toMillis() << doublings;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }
}
