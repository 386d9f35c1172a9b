package org.quartermaster.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers. Testcontainers' probe takes about half a second and logs an ERROR when there is
 * none, so auto mode only runs it when something suggests an engine, and its answer is kept for the JVM.
 */
final class DockerAvailability {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static Boolean probed;

    private DockerAvailability() {
    }

    /** Cheap: a Docker host setting or a well-known engine socket exists. */
    static boolean hinted() {
        if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        Optional<String> runtime = Optional.ofNullable(System.getenv("XDG_RUNTIME_DIR"));
        List<Path> candidates = List.of(
                Path.of("/var/run/docker.sock"),
                Path.of(home, ".testcontainers.properties"),
                Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"),
                Path.of(home, ".colima", "default", "docker.sock"),
                Path.of(home, ".rd", "docker.sock"),
                Path.of(runtime.orElse("/nonexistent"), "docker.sock"),
                Path.of(runtime.orElse("/nonexistent"), "podman", "podman.sock"));
        return candidates.stream().anyMatch(Files::exists);
    }

    /** Asks Testcontainers, once per JVM, giving up after a bounded wait. */
    static synchronized boolean available() {
        if (probed == null) {
            probed = probe();
        }
        return probed;
    }

    private static boolean probe() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread prober = new Thread(() -> {
            try {
                answer.complete(DockerClientFactory.instance().isDockerAvailable());
            } catch (Throwable e) {
                answer.complete(false);
            }
        }, "quartermaster-docker-probe");
        prober.setDaemon(true);
        prober.start();
        try {
            return answer.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
