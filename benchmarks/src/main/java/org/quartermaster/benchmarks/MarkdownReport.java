package org.quartermaster.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Renders one run as the Markdown section that docs/benchmarks.md keeps. */
final class MarkdownReport {

  /** The goal for the devstack: ready within 15 s in at most 1.5 GiB. */
  static final Duration READY_GOAL = Duration.ofSeconds(15);
  static final long MEMORY_GOAL_BYTES = 1536L * 1024 * 1024;

  private final StringBuilder out = new StringBuilder();

  /** Everything one run measured, with the circumstances needed to read it. */
  record Run(Instant began, Duration took, MachineInfo machine, String loadBefore, String loadAfter, String command,
      BenchmarkOptions options, Optional<Floor> floor, List<ColdStart.Result> coldStarts,
      Optional<MembershipLatency.Result> writes, Optional<UserAddBenchmark.Result> userAdd) {
  }

  static String render(Run run) {
    return new MarkdownReport().write(run);
  }

  private String write(Run run) {
    MachineInfo machine = run.machine();
    line("## Run of %s (took %d s)", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
        .format(run.began()), run.took().toSeconds());
    line("");
    line("- Machine: %d processors (%s), %.1f GiB memory, %s.", machine.processors(), machine.cpuModel(),
        machine.memoryBytes() / 1024.0 / 1024 / 1024, machine.os());
    line("- Java: %s.", machine.java());
    line("- Load average (1/5/15 min): %s before, %s after.", run.loadBefore(), run.loadAfter());
    line("- Command: `%s`", run.command());
    line("");
    run.floor().ifPresent(this::floor);
    if (!run.coldStarts().isEmpty()) {
      coldStarts(run.coldStarts(), run.options());
      phases(run.coldStarts());
    }
    run.writes().ifPresent(writes -> writes(writes, run.floor(), run.options()));
    run.userAdd().ifPresent(userAdd -> out.append(UserAddReport.render(userAdd, run.floor(), run.options().userAdd())));
    return out.toString();
  }

  private void floor(Floor floor) {
    PostgresCommitFloor.Result pg = floor.postgres();
    line("### Floor (%s)", floor.infrastructure());
    line("");
    line("| measure | n | p50 ms | p90 ms | p99 ms | max ms | timeouts |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    latencyRow("PostgreSQL %s INSERT+COMMIT, 1 client, JDBC (fsync=%s, synchronous_commit=%s)".formatted(
        pg.serverVersion(), pg.fsync(), pg.synchronousCommit()), pg.commits());
    latencyRow("Kafka produce → consume, acks=all, linger.ms=0, %d B, one at a time".formatted(
        KafkaRoundTripFloor.PAYLOAD_BYTES), floor.kafka());
    line("");
  }

  private void coldStarts(List<ColdStart.Result> runs, BenchmarkOptions options) {
    line("### Devstack cold start (child JVM, `%s`)", String.join(" ", DevstackProcess.JVM_FLAGS));
    line("");
    line("| run | gateway answers 401 s | banner line s | banner's own figure s | JVM RSS ready MiB "
        + "| JVM RSS after %d GETs MiB | PostgreSQL PSS after GETs MiB (processes) | JVM+PostgreSQL PSS after GETs MiB "
        + "| GET /v1.0/users p50 / p99 ms (timeouts) | stop s |", options.warmupGets());
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < runs.size(); i++) {
      ColdStart.Result run = runs.get(i);
      line("| %d | %s | %s | %s | %s | %s | %s (%d) | %s | %s / %s (%d) | %s |", i + 1, seconds(run.answered()),
          seconds(run.banner()), run.reportedReady().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse("–"),
          MemoryFootprint.mebibytes(run.ready().jvmRssBytes()), MemoryFootprint.mebibytes(run.warm().jvmRssBytes()),
          MemoryFootprint.mebibytes(run.warm().postgresPssBytes()), run.warm().postgresProcesses(),
          MemoryFootprint.mebibytes(run.warm().totalPssBytes()),
          LatencySummary.ms(run.warmGets().p50()), LatencySummary.ms(run.warmGets().p99()), run.warmGets().timeouts(),
          seconds(run.stop()));
    }
    Duration answered = median(runs, ColdStart.Result::answered);
    line("| **median** | **%s** | **%s** | | %s | **%s** | %s | **%s** | | |", seconds(answered),
        seconds(median(runs, ColdStart.Result::banner)),
        MemoryFootprint.mebibytes(medianBytes(runs, run -> run.ready().jvmRssBytes())),
        MemoryFootprint.mebibytes(medianBytes(runs, run -> run.warm().jvmRssBytes())),
        MemoryFootprint.mebibytes(medianBytes(runs, run -> run.warm().postgresPssBytes())),
        MemoryFootprint.mebibytes(medianBytes(runs, run -> run.warm().totalPssBytes())));
    line("");
    long worstMemory = runs.stream().mapToLong(run -> Math.max(run.warm().jvmRssBytes(), run.warm().totalPssBytes()))
        .max().orElse(0);
    // The banner, not the first 401: the directory answers before the other four services are up.
    Duration banner = median(runs, ColdStart.Result::banner);
    Duration slowest = runs.stream().map(ColdStart.Result::banner).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    line("Goal ≤ %d s to ready (the banner line: every service up): median %s s, slowest %s s — **%s**. Goal ≤ 1.5 GiB: "
            + "largest of JVM RSS and JVM+PostgreSQL PSS after the warm-up %s MiB — **%s**.", READY_GOAL.toSeconds(),
        seconds(banner),
        seconds(slowest), slowest.compareTo(READY_GOAL) <= 0 ? "met" : "missed",
        MemoryFootprint.mebibytes(worstMemory), worstMemory <= MEMORY_GOAL_BYTES ? "met" : "missed");
    line("");
  }

  private void phases(List<ColdStart.Result> runs) {
    line("#### Where the start-up time goes (seconds, from the arrival times of the devstack's output lines)");
    line("");
    line("| run | launch → first output (JVM, jar) | → \"Infrastructure ready\" (its own figure; gateway alongside) "
        + "| → gateway answers 401 (the service contexts, side by side) | → banner |");
    line("|---|---:|---:|---:|---:|");
    for (int i = 0; i < runs.size(); i++) {
      ColdStart.Result run = runs.get(i);
      Optional<Duration> first = run.firstOutput();
      Optional<Duration> infrastructure = run.infrastructureReady();
      line("| %d | %s | %s (%s) | %s | %s |", i + 1, first.map(MarkdownReport::seconds).orElse("–"),
          between(first, infrastructure), run.infrastructureLogged().map(ms -> ms + " ms").orElse("not logged"),
          between(infrastructure, Optional.of(run.answered())),
          between(Optional.of(run.answered()), Optional.of(run.banner())));
    }
    line("");
  }

  private static String between(Optional<Duration> from, Optional<Duration> to) {
    return from.flatMap(f -> to.map(t -> seconds(t.minus(f)))).orElse("–");
  }

  private void writes(MembershipLatency.Result writes, Optional<Floor> floor, BenchmarkOptions options) {
    line("### Directory write, PRELIMINARY (last cold-start run, %d timed after warm-up, one at a time)",
        options.memberships());
    line("");
    line("| measure | n | p50 ms | p90 ms | p99 ms | max ms | timeouts |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    latencyRow("POST /v1.0/groups/{id}/members/$ref via gateway → 204", writes.answered());
    latencyRow("POST /v1.0/groups/{id}/members/$ref via gateway → GroupMemberAdded consumed", writes.delivered());
    line("");
    floor.ifPresent(f -> {
      line("Ratios to the floor: → 204 p50 is %s× the commit p50; → consumed p50 is %s× (commit + round trip) p50 "
              + "(%s ms) and p99 %s× (commit + round trip) p99 (%s ms).",
          ratio(writes.answered().p50(), f.postgres().commits().p50()),
          ratio(writes.delivered().p50(), f.commitPlusRoundTripP50()), LatencySummary.ms(f.commitPlusRoundTripP50()),
          ratio(writes.delivered().p99(), f.commitPlusRoundTripP99()), LatencySummary.ms(f.commitPlusRoundTripP99()));
      line("");
    });
  }

  private void latencyRow(String measure, LatencySummary latency) {
    line("| %s | %d | %s | %s | %s | %s | %d |", measure, latency.count(), LatencySummary.ms(latency.p50()),
        LatencySummary.ms(latency.p90()), LatencySummary.ms(latency.p99()), LatencySummary.ms(latency.max()),
        latency.timeouts());
  }

  static String ratio(double value, double floor) {
    return floor <= 0 ? "–" : String.format(Locale.ROOT, "%.0f", value / floor);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f", duration.toNanos() / 1e9);
  }

  private static Duration median(List<ColdStart.Result> runs, Function<ColdStart.Result, Duration> figure) {
    List<Duration> sorted = runs.stream().map(figure).sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long medianBytes(List<ColdStart.Result> runs, Function<ColdStart.Result, Long> figure) {
    List<Long> sorted = runs.stream().map(figure).sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private void line(String format, Object... arguments) {
    out.append(arguments.length == 0 ? format : String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
