package org.quartermaster.benchmarks;

import java.util.Locale;

/**
 * Percentiles of one measured operation, in milliseconds.
 *
 * @param timeouts operations that gave up (and are not in the percentiles): they are reported, not hidden
 */
record LatencySummary(long count, double p50, double p90, double p99, double max, double mean, long timeouts) {

  String describe() {
    return String.format(Locale.ROOT, "n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms timeouts=%d", count, p50,
        p90, p99, max, timeouts);
  }

  static String ms(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
