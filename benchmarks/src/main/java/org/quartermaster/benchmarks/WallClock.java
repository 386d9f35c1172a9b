package org.quartermaster.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Converts this JVM's {@link System#nanoTime()} to microseconds since the epoch, so the benchmark's own timestamps can
 * be set against the {@code occurredAt} of events from the devstack's JVM (same machine, same system clock).
 */
final class WallClock {

  private final long baseNanos;
  private final long baseMicros;

  private WallClock(long baseNanos, long baseMicros) {
    this.baseNanos = baseNanos;
    this.baseMicros = baseMicros;
  }

  static WallClock calibrate() {
    // Read the two clocks back to back; the nanoTime read twice brackets the wall-clock read to a microsecond or so.
    long before = System.nanoTime();
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    long after = System.nanoTime();
    return new WallClock(before + (after - before) / 2, micros);
  }

  long micros(long nanoTime) {
    return baseMicros + (nanoTime - baseNanos) / 1000;
  }
}
