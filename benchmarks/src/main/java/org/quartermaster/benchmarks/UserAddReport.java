package org.quartermaster.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders the userAdd → delivered benchmark as Markdown, next to the same run's floor. */
final class UserAddReport {

  /** Issue 4's goals: POST → delivered p50 ≤ 10 ms and p99 ≤ 50 ms at 200 req/s; ≥ 1,000 delivered/s. */
  static final double P50_GOAL_MS = 10;
  static final double P99_GOAL_MS = 50;
  static final double THROUGHPUT_GOAL = 1000;

  private final StringBuilder out = new StringBuilder();

  static String render(UserAddBenchmark.Result result, Optional<Floor> floor, BenchmarkOptions.UserAddLoad load) {
    return new UserAddReport().write(result, floor, load);
  }

  private String write(UserAddBenchmark.Result result, Optional<Floor> floor, BenchmarkOptions.UserAddLoad load) {
    line("### userAdd → delivered, no approval (open loop through the gateway)");
    line("");
    line("Setup through the API: %d self-service packages in the General catalog, each granting the Member role of a "
        + "group of its own under a policy of its own (allMemberUsers, self-add, no approval); %d users, each with their "
        + "own token, created at %.0f users/s (with the tokens); the services had consumed every setup event %.1f s "
        + "later. Each request is a user asking for one package for themselves, and no user asks for the same package "
        + "twice. Warm-up: %d req/s for %d s, not counted. Each phase waited at most %d s after its last send for "
        + "deliveries; at most %d requests were in flight at once (the rest waited in the sender, timed from their "
        + "intended send).", result.packages(), result.users(), result.usersPerSecond(), result.catchUp().toMillis() / 1000.0,
        load.warmupRate(), load.warmupSeconds(), load.drainSeconds(), OpenLoop.IN_FLIGHT);
    line("");
    latencies(result.phases());
    throughput(result.phases());
    stages(result.phases());
    line("Checked through the API: %d of %d sampled requests that the events reported delivered read back as "
        + "`delivered` (GET assignmentRequests/{id}).", result.sampledDelivered(), result.sampled());
    line("");
    goals(result.phases(), floor);
    return out.toString();
  }

  private void latencies(List<PhaseResult> phases) {
    line("| phase | offered | answers | measure (from the intended send time) | n | p50 ms | p90 ms | p99 ms | max ms "
        + "| not done |");
    line("|---|---|---|---|---:|---:|---:|---:|---:|---:|");
    for (PhaseResult phase : phases) {
      String offered = String.format(Locale.ROOT, "%d req/s × %d s", phase.rate(), phase.seconds());
      String statuses = phase.statuses().entrySet().stream()
          .map(entry -> status(entry.getKey()) + ": " + entry.getValue())
          .collect(Collectors.joining(", "));
      row(phase.name(), offered, statuses, "POST → 201", phase.answered(), phase.answered().timeouts() + " unanswered");
      row("", "", "", "POST → RequestDelivered consumed", phase.delivered(),
          phase.delivered().timeouts() + " undelivered" + (phase.failed() > 0 ? ", " + phase.failed() + " failed" : ""));
      if (phase.delivered().timeouts() > 0) {
        row("", "", "", "same, undelivered counted at the time waited (lower bounds)", phase.deliveredAtLeast(), "");
      }
    }
    line("");
    for (PhaseResult phase : phases) {
      if (phase.firstRefusal() != null) {
        line("- %s: first answer other than 201: `%s`", phase.name(), abbreviate(phase.firstRefusal()));
      }
      if (phase.idMismatches() > 0) {
        line("- %s: %d requests' 201 id differs from their Delivered event's", phase.name(), phase.idMismatches());
      }
      if (phase.maxSendLagMillis() > 5) {
        line("- %s: the sender fell up to %.1f ms behind its schedule (charged to the requests, as it should be)",
            phase.name(), phase.maxSendLagMillis());
      }
    }
    line("");
  }

  private void throughput(List<PhaseResult> phases) {
    line("Deliveries below count every phase's requests: a backlog carried in is delivered alongside the phase's own.");
    line("");
    line("| phase | offered req/s (sent) | backlog carried in | backlog when offering stopped | delivered/s, 2nd half "
        + "of offering | delivered/s, first send → end of wait | delivered per 5 s |");
    line("|---|---:|---:|---:|---:|---:|---|");
    for (PhaseResult phase : phases) {
      PhaseResult.Throughput t = phase.throughput();
      line("| %s | %d (%.0f) | %d | %d | %.1f | %.1f | %s |", phase.name(), phase.rate(), t.sentPerSecond(),
          phase.backlogBefore(), t.backlogAtWindowEnd(), t.steadyPerSecond(), t.phasePerSecond(),
          t.perFiveSeconds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }
    line("");
  }

  private void stages(List<PhaseResult> phases) {
    line("#### Where a delivered request's time goes (ms, p50 / p99 per phase, over the delivered requests; from event "
        + "occurredAt and the benchmark's own times)");
    line("");
    StringBuilder header = new StringBuilder("| step |");
    StringBuilder rule = new StringBuilder("|---|");
    for (PhaseResult phase : phases) {
      header.append(' ').append(phase.name()).append(" (").append(phase.rate()).append(" req/s) |");
      rule.append("---:|");
    }
    line(header.toString());
    line(rule.toString());
    int steps = phases.isEmpty() ? 0 : phases.get(0).stages().size();
    for (int s = 0; s < steps; s++) {
      StringBuilder row = new StringBuilder("| ").append(phases.get(0).stages().get(s).name()).append(" |");
      for (PhaseResult phase : phases) {
        LatencySummary step = phase.stages().get(s).latency();
        row.append(step.count() == 0 ? " – |" : " " + LatencySummary.ms(step.p50()) + " / " + LatencySummary.ms(step.p99())
            + " |");
      }
      line(row.toString());
    }
    line("");
  }

  private void goals(List<PhaseResult> phases, Optional<Floor> floor) {
    phases.stream().filter(phase -> phase.name().equals("latency")).findFirst().ifPresent(latency -> {
      LatencySummary delivered = latency.delivered().timeouts() > 0 ? latency.deliveredAtLeast() : latency.delivered();
      String bound = latency.delivered().timeouts() > 0 ? "≥ " : "";
      line("- Goal at %d req/s, POST → delivered p50 ≤ %.0f ms: %s%s ms — **%s**. p99 ≤ %.0f ms: %s%s ms — **%s**.",
          latency.rate(), P50_GOAL_MS, bound, LatencySummary.ms(delivered.p50()),
          delivered.p50() <= P50_GOAL_MS && bound.isEmpty() ? "met" : "missed", P99_GOAL_MS, bound,
          LatencySummary.ms(delivered.p99()), delivered.p99() <= P99_GOAL_MS && bound.isEmpty() ? "met" : "missed");
    });
    floor.ifPresent(f -> phases.stream().filter(phase -> !phase.name().equals("throughput")).forEach(phase -> {
      boolean bound = phase.delivered().timeouts() > 0;
      LatencySummary delivered = bound ? phase.deliveredAtLeast() : phase.delivered();
      line("- Ratios to the floor, %s (%d req/s): POST → 201 p50 is %s× the commit p50 (%s ms); POST → delivered p50 is "
              + "%s%s× and p99 %s%s× (commit + round trip) p50 (%s ms) and p99 (%s ms).", phase.name(), phase.rate(),
          MarkdownReport.ratio(phase.answered().p50(), f.postgres().commits().p50()),
          LatencySummary.ms(f.postgres().commits().p50()), bound ? "≥ " : "",
          MarkdownReport.ratio(delivered.p50(), f.commitPlusRoundTripP50()), bound ? "≥ " : "",
          MarkdownReport.ratio(delivered.p99(), f.commitPlusRoundTripP99()), LatencySummary.ms(f.commitPlusRoundTripP50()),
          LatencySummary.ms(f.commitPlusRoundTripP99()));
    }));
    phases.stream().filter(phase -> phase.name().equals("throughput")).findFirst().ifPresent(throughput -> {
      PhaseResult.Throughput t = throughput.throughput();
      double sustained = Math.max(t.steadyPerSecond(), t.phasePerSecond());
      long best = phases.stream().flatMap(phase -> phase.throughput().perFiveSeconds().stream())
          .mapToLong(Long::longValue).max().orElse(0);
      line("- Goal ≥ %.0f delivered/s with %d req/s offered: %.1f delivered/s sustained (the better of the offering's "
              + "second half and the whole phase; best 5 s of any phase: %.1f/s), backlog %d when the offering stopped "
              + "— **%s**.",
          THROUGHPUT_GOAL, throughput.rate(), sustained, best / 5.0, t.backlogAtWindowEnd(),
          sustained >= THROUGHPUT_GOAL ? "met" : "missed");
    });
    line("");
  }

  private void row(String phase, String offered, String statuses, String measure, LatencySummary latency, String notDone) {
    line("| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |", phase, offered, statuses, measure, latency.count(),
        LatencySummary.ms(latency.p50()), LatencySummary.ms(latency.p90()), LatencySummary.ms(latency.p99()),
        LatencySummary.ms(latency.max()), notDone);
  }

  private static String status(int status) {
    if (status == OpenLoop.GAVE_UP) {
      return "gave up";
    }
    return status == OpenLoop.NOT_SENT ? "not sent" : Integer.toString(status);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ").replace("|", "\\|").replace("`", "'");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }

  private void line(String format, Object... arguments) {
    out.append(arguments.length == 0 ? format : String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
