package org.quartermaster.directory.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.quartermaster.directory.DirectoryServiceApplication;
import org.quartermaster.infra.Infrastructure;
import org.quartermaster.infra.PostgresCoordinates;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.ServiceNamespace;

/**
 * The directory service running in a JVM of its own, so a test can kill it the way an operating
 * system or an orchestrator does: no graceful close, no shutdown hooks, no flushed buffers.
 */
final class DirectoryProcess implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "crash-test-logs");

  private final Process process;
  private final int port;
  private final Path log;

  private DirectoryProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the service on the JVM's shared infrastructure with the settings {@code RunningService} uses,
   * on a free port, writing its output to a log file under target for diagnostics.
   */
  static DirectoryProcess start(String name, ServiceNamespace namespace, DevTokens tokens, String... extraArguments) {
    Infrastructure infrastructure = SharedInfrastructure.get();
    PostgresCoordinates postgres = infrastructure.postgres();
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // The test JVM's own flags: they make a short-lived JVM start fastest on a small machine.
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx512m", "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"),
        DirectoryServiceApplication.class.getName(),
        "--server.port=" + port,
        "--quartermaster.postgres.url=" + postgres.jdbcUrl(),
        "--quartermaster.postgres.user=" + postgres.username(),
        "--quartermaster.postgres.password=" + postgres.password(),
        "--quartermaster.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "--quartermaster.kafka.topic-prefix=" + namespace.topicPrefix(),
        "--quartermaster.service.schema=" + namespace.schema(DirectoryServiceApplication.NAME),
        "--quartermaster.outbox.poll-interval=200ms",
        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + tokens.publicKeyPem(),
        "--spring.cloud.gateway.server.webflux.enabled=false",
        "--spring.cloud.compatibility-verifier.enabled=false"));
    command.addAll(List.of(extraArguments));
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(namespace.value() + "-" + name + ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new DirectoryProcess(process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code once the process has ended on its own, or an error if it is still running after the timeout. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the directory process did not exit within " + timeout + "\n" + logTail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL on Linux: the process gets no chance to run anything. */
  int kill() {
    process.destroyForcibly();
    return awaitExit(Duration.ofSeconds(20));
  }

  /** The end of the process's output, to explain a failure. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- last lines of " + log.toAbsolutePath() + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
