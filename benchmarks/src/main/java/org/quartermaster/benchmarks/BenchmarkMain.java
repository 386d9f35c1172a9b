package org.quartermaster.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.quartermaster.benchmarks.BenchmarkOptions.Part;
import org.quartermaster.devstack.DevstackSettings;
import org.quartermaster.infra.Infrastructure;
import org.quartermaster.infra.InfrastructureLauncher;
import org.quartermaster.infra.InfrastructureMode;
import org.quartermaster.infra.InfrastructureSettings;

/**
 * Runs the selected benchmarks once and writes the results as Markdown (see docs/benchmarks.md for the command). The
 * floor runs first, on this JVM's own embedded servers, and is stopped before the devstack starts, so the two never
 * compete for the two cores. The userAdd benchmark runs on the last cold start's devstack, after its other
 * measurements, or on a devstack of its own when cold starts are not selected.
 */
public final class BenchmarkMain {

  private static final int FLOOR_WARMUP = 500;
  private static final int WRITE_WARMUP = 50;

  private BenchmarkMain() {
  }

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse(args);
    boolean needsJar = options.runs(Part.COLD_START) || (options.runs(Part.USER_ADD) && options.attach().isEmpty());
    if (needsJar && !Files.isRegularFile(options.devstackJar())) {
      System.err.println("No devstack jar at " + options.devstackJar().toAbsolutePath()
          + "; run from the repository root after ./mvnw -q -DskipTests install -pl benchmarks -am");
      System.exit(2);
    }
    Instant began = Instant.now();
    long start = System.nanoTime();
    String loadBefore = MachineInfo.loadAverage();

    Optional<Floor> floor = Optional.empty();
    if (options.runs(Part.FLOOR)) {
      progress("floor: starting embedded PostgreSQL and Kafka in this JVM");
      floor = Optional.of(measureFloor(options));
      progress("floor: commit " + floor.get().postgres().commits().describe());
      progress("floor: kafka round trip " + floor.get().kafka().describe());
    }

    List<ColdStart.Result> coldStarts = new ArrayList<>();
    AtomicReference<MembershipLatency.Result> writes = new AtomicReference<>();
    AtomicReference<UserAddBenchmark.Result> userAdd = new AtomicReference<>();
    Path logs = options.output().toAbsolutePath().getParent();
    Optional<BenchmarkOptions.RunningDevstack> attached = options.attach().filter(running -> options.runs(Part.USER_ADD));
    if (attached.isPresent()) {
      GraphClient client = new GraphClient(attached.get().baseUrl());
      userAdd.set(UserAddBenchmark.measure(attached.get().baseUrl(), attached.get().kafkaBootstrapServers(), client,
          client.token(DevstackSettings.DEFAULT_ADMINISTRATOR), options.userAdd()));
    }
    boolean userAddHere = options.runs(Part.USER_ADD) && attached.isEmpty();
    ColdStart.WhileRunning userAddOnDevstack = (devstack, client, token) -> {
      progress("user-add: on the devstack at " + devstack.baseUrl());
      userAdd.set(UserAddBenchmark.measure(devstack.baseUrl(), devstack.kafkaBootstrapServers(), client, token,
          options.userAdd()));
    };
    if (options.runs(Part.COLD_START)) {
      for (int run = 1; run <= options.coldStarts(); run++) {
        boolean last = run == options.coldStarts();
        progress("cold start " + run + " of " + options.coldStarts());
        ColdStart.Result result = ColdStart.measure(options.devstackJar(), freePort(),
            logs.resolve("devstack-run-" + run + ".log"), options.warmupGets(), (devstack, client, token) -> {
              if (last && options.memberships() > 0) {
                progress("directory writes: " + options.memberships() + " memberships");
                writes.set(MembershipLatency.measure(devstack, client, token, WRITE_WARMUP, options.memberships()));
              }
              if (last && userAddHere) {
                userAddOnDevstack.accept(devstack, client, token);
              }
            });
        coldStarts.add(result);
        progress("cold start " + run + ": gateway answered after " + result.answered().toMillis() + " ms, JVM RSS "
            + MemoryFootprint.mebibytes(result.warm().jvmRssBytes()) + " MiB after warm-up");
      }
    } else if (userAddHere) {
      // A devstack of its own, started the same way; its start is not reported when cold starts were not asked for.
      ColdStart.measure(options.devstackJar(), freePort(), logs.resolve("devstack-user-add.log"), 0, userAddOnDevstack);
    }

    String report = MarkdownReport.render(new MarkdownReport.Run(began, Duration.ofNanos(System.nanoTime() - start),
        MachineInfo.describe(), loadBefore, MachineInfo.loadAverage(), command(args), options, floor, coldStarts,
        Optional.ofNullable(writes.get()), Optional.ofNullable(userAdd.get())));
    Files.createDirectories(logs);
    Files.writeString(options.output(), report);
    System.out.println(report);
    progress("results written to " + options.output().toAbsolutePath());
    // The in-process broker's last non-daemon threads must not keep the benchmark alive.
    System.exit(0);
  }

  private static Floor measureFloor(BenchmarkOptions options) throws Exception {
    InfrastructureSettings settings = InfrastructureSettings.defaults().withMode(InfrastructureMode.EMBEDDED);
    try (Infrastructure infrastructure = InfrastructureLauncher.start(settings)) {
      return new Floor(
          PostgresCommitFloor.measure(infrastructure.postgres(), FLOOR_WARMUP, options.commits()),
          KafkaRoundTripFloor.measure(infrastructure.kafkaBootstrapServers(), FLOOR_WARMUP, options.roundTrips()),
          infrastructure.description());
    }
  }

  private static String command(String[] args) {
    List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
    return ("java " + String.join(" ", jvm) + " -cp … " + BenchmarkMain.class.getName() + " " + String.join(" ", args))
        .replaceAll("\\s+", " ").trim();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  private static final long STARTED = System.nanoTime();

  /** Progress on stderr, with the seconds since the benchmark started, so that a slow part stands out. */
  static void progress(String message) {
    System.err.printf("[benchmark +%ds] %s%n", (System.nanoTime() - STARTED) / 1_000_000_000L, message);
  }
}
