package org.quartermaster.benchmarks;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartermaster.devstack.DevstackSettings;

/**
 * One cold start of the devstack in a fresh JVM with fresh temporary data: when it answers, when it says it is
 * ready, how much memory it holds then and after a little load, and which phase took the time.
 */
final class ColdStart {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern ANY_LINE = Pattern.compile("");
  private static final Pattern REPORTED_READY = Pattern.compile("is ready in ([0-9.]+) s");
  private static final Pattern INFRASTRUCTURE_READY = Pattern.compile("Infrastructure ready in ([0-9]+) ms");

  private ColdStart() {
  }

  /**
   * @param answered launch until an unauthenticated GET /v1.0/users through the gateway answered 401
   * @param banner launch until the "is ready" banner line arrived
   * @param reportedReady the figure the banner itself prints (measured inside the JVM, so without JVM launch)
   * @param firstOutput launch until the first line of output (JVM start and the first classes)
   * @param infrastructureReady launch until the "Infrastructure ready in N ms" line arrived (Kafka and PostgreSQL up;
   *     the gateway starts alongside them, the services after them, side by side)
   * @param infrastructureLogged the N of that line, if logged
   * @param ready memory just after the banner
   * @param warm memory after the warm-up requests
   * @param warmGets latency of the warm-up's authenticated GET /v1.0/users through the gateway
   * @param stop how long a SIGTERM took to stop everything
   */
  record Result(Duration answered, Duration banner, Optional<Double> reportedReady, Optional<Duration> firstOutput,
      Optional<Duration> infrastructureReady, Optional<Long> infrastructureLogged,
      MemoryFootprint ready, MemoryFootprint warm, LatencySummary warmGets, Duration stop, Path log) {
  }

  /** Launches, measures, then hands the still-running devstack to {@code whileRunning} before stopping it. */
  static Result measure(Path jar, int port, Path log, int warmupGets, WhileRunning whileRunning) throws Exception {
    DevstackProcess devstack = DevstackProcess.launch(jar, port, log);
    try {
      GraphClient client = new GraphClient(devstack.baseUrl());
      Duration answered = awaitUnauthorized(devstack, client);
      devstack.awaitBanner(READY_TIMEOUT);
      Duration banner = Duration.ofNanos(devstack.firstLine(REPORTED_READY).orElseThrow().afterLaunchNanos());
      MemoryFootprint ready = MemoryFootprint.of(devstack.pid(), devstack.embeddedPostgresPort());
      String token = client.token(DevstackSettings.DEFAULT_ADMINISTRATOR);
      LatencyRecorder gets = new LatencyRecorder();
      for (int i = 0; i < warmupGets; i++) {
        long start = System.nanoTime();
        try {
          client.get(token, "/v1.0/users");
          gets.recordNanos(System.nanoTime() - start);
        } catch (HttpTimeoutException e) {
          gets.recordTimeout();
          BenchmarkMain.progress("GET " + (i + 1) + " timed out; it was sent " + secondsSinceLaunch(devstack, start)
              + " s after launch (see " + log + ")");
        }
      }
      MemoryFootprint warm = MemoryFootprint.of(devstack.pid(), devstack.embeddedPostgresPort());
      whileRunning.accept(devstack, client, token);
      Duration stop = devstack.stop();
      return new Result(answered, banner,
          devstack.firstMatch(REPORTED_READY).map(m -> Double.parseDouble(m.group(1))),
          devstack.firstLine(ANY_LINE).map(line -> Duration.ofNanos(line.afterLaunchNanos())),
          devstack.firstLine(INFRASTRUCTURE_READY).map(line -> Duration.ofNanos(line.afterLaunchNanos())),
          devstack.firstMatch(INFRASTRUCTURE_READY).map(m -> Long.parseLong(m.group(1))),
          ready, warm, gets.summary(), stop, log);
    } finally {
      devstack.close();
    }
  }

  static String secondsSinceLaunch(DevstackProcess devstack, long nanoTime) {
    return String.format(Locale.ROOT, "%.3f", (nanoTime - devstack.launchedAt()) / 1e9);
  }

  /** Polls every 10 ms; connection refused and 503 both mean "not yet". */
  private static Duration awaitUnauthorized(DevstackProcess devstack, GraphClient client) throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!devstack.isAlive()) {
        throw new IllegalStateException("The devstack exited before it answered; see " + devstack.log());
      }
      try {
        if (client.anonymousStatus("/v1.0/users") == 401) {
          return Duration.ofNanos(System.nanoTime() - devstack.launchedAt());
        }
      } catch (IOException notListeningYet) {
        // Expected until the gateway binds its port.
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("The gateway did not answer 401 within " + READY_TIMEOUT + "; see " + devstack.log());
  }

  /** Extra measurements on a started devstack, before it is stopped. */
  @FunctionalInterface
  interface WhileRunning {
    void accept(DevstackProcess devstack, GraphClient client, String token) throws Exception;
  }
}
