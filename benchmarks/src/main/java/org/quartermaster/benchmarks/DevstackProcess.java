package org.quartermaster.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The devstack as a child JVM started the way {@code ./start-devstack} starts it, so that its start includes JVM
 * launch and class loading. Every output line is time-stamped on arrival, which shows where the start-up time goes.
 */
final class DevstackProcess implements AutoCloseable {

  /** The flags {@code ./start-devstack} passes; keep them in step with that script. */
  static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  private static final String BANNER_END = "Stop with Ctrl-C.";
  private static final Pattern KAFKA = Pattern.compile("Infrastructure: kafka=\\w+\\(([^)]+)\\)");
  private static final Pattern EMBEDDED_POSTGRES = Pattern.compile("Infrastructure: .*postgres=embedded\\([^:]+:([0-9]+)\\)");

  private final Process process;
  private final long launchedAt;
  private final int port;
  private final Path log;
  private final List<OutputLine> lines = new ArrayList<>();
  private final CompletableFuture<Void> bannerPrinted = new CompletableFuture<>();

  /** One line of the child's output and when it arrived, in nanoseconds after launch. */
  record OutputLine(long afterLaunchNanos, String text) {
  }

  private DevstackProcess(Process process, long launchedAt, int port, Path log) {
    this.process = process;
    this.launchedAt = launchedAt;
    this.port = port;
    this.log = log;
  }

  static DevstackProcess launch(Path jar, int port, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(List.of("-jar", jar.toString(), "--temporary", "--port", Integer.toString(port)));
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long launchedAt = System.nanoTime();
    DevstackProcess devstack = new DevstackProcess(builder.start(), launchedAt, port, log);
    Thread reader = new Thread(devstack::readOutput, "devstack-output-" + port);
    reader.setDaemon(true);
    reader.start();
    return devstack;
  }

  private void readOutput() {
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null) {
        long at = System.nanoTime() - launchedAt;
        synchronized (lines) {
          lines.add(new OutputLine(at, line));
        }
        copy.printf("+%8.3f s  %s%n", at / 1e9, line);
        // Flushed per line so the log is readable while the devstack is still running (or hung).
        copy.flush();
        if (line.contains(BANNER_END)) {
          bannerPrinted.complete(null);
        }
      }
    } catch (IOException e) {
      bannerPrinted.completeExceptionally(new UncheckedIOException(e));
    }
    bannerPrinted.completeExceptionally(new IllegalStateException("The devstack exited before it was ready; see " + log));
  }

  void awaitBanner(Duration timeout) throws InterruptedException {
    try {
      bannerPrinted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The devstack printed no banner within " + timeout + "; see " + log, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  long launchedAt() {
    return launchedAt;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  Path log() {
    return log;
  }

  /** The first output line in which {@code pattern} is found. */
  Optional<OutputLine> firstLine(Pattern pattern) {
    synchronized (lines) {
      return lines.stream().filter(line -> pattern.matcher(line.text()).find()).findFirst();
    }
  }

  /** The first match of {@code pattern} in the output, as the matcher of that line. */
  Optional<Matcher> firstMatch(Pattern pattern) {
    synchronized (lines) {
      return lines.stream().map(line -> pattern.matcher(line.text())).filter(Matcher::find).findFirst();
    }
  }

  /** The embedded broker's address, as the banner reports it. */
  String kafkaBootstrapServers() {
    return firstMatch(KAFKA).map(matcher -> matcher.group(1))
        .orElseThrow(() -> new IllegalStateException("No Kafka address in the devstack banner; see " + log));
  }

  /** The port of the PostgreSQL server the devstack started itself, if it did (not an external one). */
  Optional<Integer> embeddedPostgresPort() {
    return firstMatch(EMBEDDED_POSTGRES).map(matcher -> Integer.parseInt(matcher.group(1)));
  }

  /** Stops the devstack the way Ctrl-C does (SIGTERM runs its shutdown hook) and returns how long that took. */
  Duration stop() throws InterruptedException {
    long begin = System.nanoTime();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
