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
import org.quartermaster.infra.Infrastructure;
import org.quartermaster.infra.InfrastructureLauncher;
import org.quartermaster.infra.InfrastructureMode;
import org.quartermaster.infra.InfrastructureSettings;

/**
 * Runs every benchmark once and writes the results as Markdown (see docs/benchmarks.md for the command). The floor
 * runs first, on this JVM's own embedded servers, and is stopped before the devstack starts, so the two never compete
 * for the two cores.
 */
public final class BenchmarkMain {

  private static final int FLOOR_WARMUP = 500;
  private static final int WRITE_WARMUP = 50;

  private BenchmarkMain() {
  }

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse(args);
    if (!Files.isRegularFile(options.devstackJar())) {
      System.err.println("No devstack jar at " + options.devstackJar().toAbsolutePath()
          + "; run from the repository root after ./mvnw -q -DskipTests install -pl benchmarks -am");
      System.exit(2);
    }
    Instant began = Instant.now();
    long start = System.nanoTime();
    String loadBefore = MachineInfo.loadAverage();

    progress("floor: starting embedded PostgreSQL and Kafka in this JVM");
    Floor floor = measureFloor(options);
    progress("floor: commit " + floor.postgres().commits().describe());
    progress("floor: kafka round trip " + floor.kafka().describe());

    List<ColdStart.Result> coldStarts = new ArrayList<>();
    AtomicReference<MembershipLatency.Result> writes = new AtomicReference<>();
    Path logs = options.output().toAbsolutePath().getParent();
    for (int run = 1; run <= options.coldStarts(); run++) {
      boolean last = run == options.coldStarts();
      progress("cold start " + run + " of " + options.coldStarts());
      ColdStart.Result result = ColdStart.measure(options.devstackJar(), freePort(),
          logs.resolve("devstack-run-" + run + ".log"), options.warmupGets(), (devstack, client, token) -> {
            if (last && options.memberships() > 0) {
              progress("directory writes: " + options.memberships() + " memberships");
              writes.set(MembershipLatency.measure(devstack, client, token, WRITE_WARMUP, options.memberships()));
            }
          });
      coldStarts.add(result);
      progress("cold start " + run + ": gateway answered after " + result.answered().toMillis() + " ms, JVM RSS "
          + MemoryFootprint.mebibytes(result.warm().jvmRssBytes()) + " MiB after warm-up");
    }

    String report = MarkdownReport.render(new MarkdownReport.Run(began, Duration.ofNanos(System.nanoTime() - start),
        MachineInfo.describe(), loadBefore, MachineInfo.loadAverage(), command(args), options, floor, coldStarts,
        Optional.ofNullable(writes.get())));
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

  static void progress(String message) {
    System.err.println("[benchmark] " + message);
  }
}
