package org.quartermaster.benchmarks;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Records latencies in microseconds (three significant digits) and summarises them. */
final class LatencyRecorder {

  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
  private long timeouts;

  void recordNanos(long nanos) {
    // Sub-microsecond samples still count as one operation; the histogram cannot hold zero-width buckets below 1.
    histogram.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos))));
  }

  /** For spans between two timestamps of microsecond precision; a tie or a slightly negative span counts as 1 µs. */
  void recordMicros(long micros) {
    histogram.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, micros)));
  }

  void recordTimeout() {
    timeouts++;
  }

  LatencySummary summary() {
    return new LatencySummary(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
        millis(histogram.getValueAtPercentile(90)), millis(histogram.getValueAtPercentile(99)),
        millis(histogram.getMaxValue()), histogram.getMean() / 1000.0, timeouts);
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }
}
