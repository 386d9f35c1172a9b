package org.quartermaster.infra;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides Kafka and PostgreSQL, each independently: external servers when configured, otherwise Testcontainers
 * when a Docker engine is available (auto) or demanded (testcontainers), otherwise embedded servers.
 */
public final class InfrastructureLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(InfrastructureLauncher.class);

    private InfrastructureLauncher() {
    }

    /**
     * Starts what the settings and the external-server configuration call for. No shutdown hook is registered: the
     * caller closes it after stopping its services. A PostgreSQL server left running by a JVM that exited without
     * closing is stopped by the next start on the same machine.
     */
    public static Infrastructure start(InfrastructureSettings settings) {
        return launch(settings, ExternalServers.from(ConfigSource.system()), DockerAvailability::available);
    }

    static StartedInfrastructure launch(InfrastructureSettings settings, ExternalServers external,
                                        BooleanSupplier dockerAvailable) {
        long begin = System.nanoTime();
        Optional<ServerProvider> provider = external.complete()
                ? Optional.empty()
                : Optional.of(provider(settings, external, dockerAvailable));
        // PostgreSQL runs in its own processes, so it starts while this thread loads and starts the broker.
        CompletableFuture<Server<PostgresCoordinates>> postgres = inBackground(() -> external.postgres()
                .<Server<PostgresCoordinates>>map(pg -> new ExternalServer<>(pg, pg.address()))
                .orElseGet(() -> provider.orElseThrow().postgres()));
        Server<String> kafka;
        try {
            kafka = external.kafkaBootstrapServers()
                    .<Server<String>>map(servers -> new ExternalServer<>(servers, servers))
                    .orElseGet(() -> provider.orElseThrow().kafka());
        } catch (RuntimeException e) {
            postgres.thenAccept(Server::stop);
            throw e;
        }
        StartedInfrastructure infrastructure;
        try {
            infrastructure = new StartedInfrastructure(kafka, postgres.join());
        } catch (CompletionException e) {
            kafka.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LOG.info("Infrastructure ready in {} ms: {}", (System.nanoTime() - begin) / 1_000_000, infrastructure);
        return infrastructure;
    }

    private static ServerProvider provider(InfrastructureSettings settings, ExternalServers external,
                                           BooleanSupplier dockerAvailable) {
        return switch (settings.mode()) {
            case EXTERNAL -> throw new IllegalStateException("quartermaster.infra.mode=external, but "
                    + external.missing() + " is not configured (system property or environment variable)");
            case TESTCONTAINERS -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException("quartermaster.infra.mode=testcontainers, but Testcontainers"
                            + " finds no Docker engine. Start one, or set quartermaster.infra.mode"
                            + " (QUARTERMASTER_INFRA_MODE) to embedded or auto, or configure external servers.");
                }
                yield ServerProvider.testcontainers();
            }
            case EMBEDDED -> ServerProvider.embedded(settings);
            case AUTO -> DockerAvailability.hinted() && dockerAvailable.getAsBoolean()
                    ? ServerProvider.testcontainers()
                    : ServerProvider.embedded(settings);
        };
    }

    private static <T> CompletableFuture<T> inBackground(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, runnable -> {
            Thread thread = new Thread(runnable, "quartermaster-infra-start");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
