package org.quartermaster.benchmarks;

/**
 * This machine's floor, measured in the same run as the figures it is compared with.
 *
 * @param infrastructure where the servers came from, e.g. {@code kafka=embedded(localhost:1234) postgres=...}
 */
record Floor(PostgresCommitFloor.Result postgres, LatencySummary kafka, String infrastructure) {

  /** The least a write that commits, then publishes and is consumed, can take here: commit plus round trip. */
  double commitPlusRoundTripP50() {
    return postgres.commits().p50() + kafka.p50();
  }

  double commitPlusRoundTripP99() {
    return postgres.commits().p99() + kafka.p99();
  }
}
