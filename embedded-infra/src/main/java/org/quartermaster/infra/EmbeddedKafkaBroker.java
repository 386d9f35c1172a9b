package org.quartermaster.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in this JVM, built from the production jars: one KRaft node acting as controller and broker.
 */
final class EmbeddedKafkaBroker implements Server<String> {

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Optional<Path> temporaryDirectory;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Optional<Path> temporaryDirectory) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * @param dataDirectory kept across restarts when present; otherwise a temporary directory removed on stop
     * @param port          the client port, 0 for any free port
     */
    static EmbeddedKafkaBroker start(Optional<Path> dataDirectory, int port) {
        FreePort.requireFree(port, InfrastructureSettings.KAFKA_PORT);
        KafkaLogLevels.quietBroker();
        Path logDirectory = dataDirectory.map(EmbeddedKafkaBroker::created)
                .orElseGet(() -> TemporaryDirectory.create("kafka"));
        Optional<Path> temporary = dataDirectory.isEmpty() ? Optional.of(logDirectory) : Optional.empty();
        int clientPort = FreePort.orAny(port);
        KafkaConfig config = KafkaBrokerConfig.of(logDirectory, clientPort, FreePort.pick());
        KafkaStorage.formatIfNeeded(logDirectory, config);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
                temporary.ifPresent(Directories::deleteRecursively);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("Embedded Kafka did not start on port " + clientPort + " in "
                    + logDirectory, e);
        }
        return new EmbeddedKafkaBroker(server, KafkaBrokerConfig.HOST + ":" + clientPort, temporary);
    }

    /** Kafka would find out too, but only after a page of stack traces. */
    static void refuseIfInUse(Path logDirectory) {
        if (FileLocks.isHeld(logDirectory.resolve(".lock"))) {
            throw new IllegalStateException("Kafka log directory " + logDirectory
                    + " is in use by another running devstack or test JVM; stop it or use another data directory");
        }
    }

    private static Path created(Path directory) {
        refuseIfInUse(directory);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create Kafka log directory " + directory, e);
        }
    }

    @Override
    public String coordinates() {
        return bootstrapServers;
    }

    @Override
    public String description() {
        return "embedded(" + bootstrapServers + ")";
    }

    @Override
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            temporaryDirectory.ifPresent(Directories::deleteRecursively);
        }
    }
}
