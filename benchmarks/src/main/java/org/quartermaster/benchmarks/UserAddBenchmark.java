package org.quartermaster.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 4's benchmark: a self-service userAdd needing no approval, from POST through the gateway until the request is
 * delivered (the target is in the group), under open-loop load on the devstack. Everything is set up through the API;
 * deliveries are seen on the request topic and a sample is checked against the API.
 */
final class UserAddBenchmark {

  private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);
  private static final int VALIDATION_SAMPLE = 20;

  private UserAddBenchmark() {
  }

  /**
   * @param usersPerSecond how fast the setup created users (with their tokens) through the API
   * @param catchUp how long the services took to consume the setup's events before the first request
   * @param phases the measured phases (the warm-up is not among them)
   * @param sampled how many delivered requests were read back through the API, and how many of them said delivered
   */
  record Result(int packages, int users, double usersPerSecond, Duration catchUp, List<PhaseResult> phases, int sampled,
      int sampledDelivered) {
  }

  static Result measure(String baseUrl, String kafkaBootstrapServers, GraphClient client, String adminToken,
      BenchmarkOptions.UserAddLoad load) throws Exception {
    // Unique names, so that the benchmark can run again on the same (attached) devstack.
    String suffix = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    List<SelfServicePackage> packages = new ArrayList<>();
    for (int p = 0; p < load.packages(); p++) {
      packages.add(SelfServicePackage.create(client, adminToken, suffix + "-" + p));
    }
    int users = load.users();
    BenchmarkMain.progress("user-add: " + load.packages() + " packages set up; creating " + users
        + " users and their tokens through the API");
    long setupStart = System.nanoTime();
    List<Requestors.Requestor> requestors = new Requestors(baseUrl, adminToken).create(users, "requestor-" + suffix + "-");
    double usersPerSecond = users / ((System.nanoTime() - setupStart) / 1e9);
    List<UserAddPhase.Ask> asks = asks(requestors, packages, load.requests());
    Duration catchUp;
    try (ConsumerLag lag = new ConsumerLag(kafkaBootstrapServers)) {
      catchUp = lag.awaitCaughtUp(CATCH_UP_LIMIT);
    }
    BenchmarkMain.progress(String.format("user-add: %d users at %.0f/s; services caught up in %d ms", users,
        usersPerSecond, catchUp.toMillis()));
    Duration drain = Duration.ofSeconds(load.drainSeconds());
    OpenLoop loop = new OpenLoop(baseUrl, drain);
    List<PhaseResult> phases = new ArrayList<>();
    try (DeliveryWatcher watcher = DeliveryWatcher.start(kafkaBootstrapServers)) {
      WallClock clock = WallClock.calibrate();
      int next = 0;
      long accepted = 0;
      List<int[]> plan = List.of(new int[] {load.warmupRate(), load.warmupSeconds()},
          new int[] {load.probeRate(), load.probeSeconds()}, new int[] {load.latencyRate(), load.latencySeconds()},
          new int[] {load.throughputRate(), load.throughputSeconds()});
      List<String> names = List.of("warm-up", "light load", "latency", "throughput");
      for (int p = 0; p < plan.size(); p++) {
        int rate = plan.get(p)[0];
        int seconds = plan.get(p)[1];
        if (rate * seconds == 0) {
          continue;
        }
        List<UserAddPhase.Ask> slice = asks.subList(next, next + rate * seconds);
        next += slice.size();
        UserAddPhase.Run run = UserAddPhase.run(names.get(p), rate, seconds, slice, loop, watcher, drain, accepted);
        PhaseResult result = PhaseResult.analyse(run, watcher, clock);
        accepted += result.accepted();
        BenchmarkMain.progress("user-add " + result.name() + ": answered " + result.answered().describe());
        BenchmarkMain.progress("user-add " + result.name() + ": delivered " + result.delivered().describe()
            + String.format(Locale.ROOT, " system %.1f delivered/s in the 2nd half, %.1f/s over the phase",
            result.throughput().steadyPerSecond(), result.throughput().phasePerSecond()) + " statuses "
            + result.statuses());
        if (p > 0) {
          phases.add(result);
        }
      }
    }
    int[] agreed = validate(client, adminToken, phases);
    return new Result(load.packages(), users, usersPerSecond, catchUp, phases, agreed[0], agreed[1]);
  }

  /**
   * Every user asks for the first package, then every user for the second, and so on: one user's requests are as far
   * apart as possible, so no request waits behind another of the same user (their events share a Kafka key).
   */
  private static List<UserAddPhase.Ask> asks(List<Requestors.Requestor> requestors, List<SelfServicePackage> packages,
      int count) {
    List<UserAddPhase.Ask> asks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      asks.add(new UserAddPhase.Ask(requestors.get(i % requestors.size()), packages.get(i / requestors.size())));
    }
    return asks;
  }

  /** Reads a spread of delivered requests back through the API: the events and the API must agree. */
  private static int[] validate(GraphClient client, String adminToken, List<PhaseResult> phases) throws Exception {
    List<String> delivered = phases.stream().flatMap(phase -> phase.deliveredRequestIds().stream()).toList();
    int sampled = 0;
    int agreed = 0;
    int step = Math.max(1, delivered.size() / VALIDATION_SAMPLE);
    for (int i = 0; i < delivered.size() && sampled < VALIDATION_SAMPLE; i += step) {
      Map<String, Object> request = client.call("GET", SelfServicePackage.ENTITLEMENT_MANAGEMENT + "/assignmentRequests/"
          + delivered.get(i), adminToken, null, 200);
      sampled++;
      if ("delivered".equals(request.get("state"))) {
        agreed++;
      } else {
        BenchmarkMain.progress("user-add: request " + delivered.get(i) + " delivered by its event but the API says "
            + request.get("state"));
      }
    }
    return new int[] {sampled, agreed};
  }
}
