package org.quartermaster.infra;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to provide the servers that are not configured as external.
 *
 * @param mode          how to choose between Testcontainers and embedded servers
 * @param dataDirectory where embedded servers keep their data across restarts; empty means a temporary directory
 *                      deleted on close
 * @param kafkaPort     the embedded broker's client port, 0 for a free one
 * @param postgresPort  the embedded PostgreSQL port, 0 for a free one
 * @param reset         wipe the data directory before starting
 */
public record InfrastructureSettings(InfrastructureMode mode, Optional<Path> dataDirectory, int kafkaPort,
                                     int postgresPort, boolean reset) {

    static final String MODE = "quartermaster.infra.mode";
    static final String DATA_DIRECTORY = "quartermaster.infra.data-dir";
    static final String RESET = "quartermaster.infra.reset";
    static final String KAFKA_PORT = "quartermaster.kafka.port";
    static final String POSTGRES_PORT = "quartermaster.postgres.port";

    public InfrastructureSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        checkPort(kafkaPort, "kafkaPort");
        checkPort(postgresPort, "postgresPort");
    }

    /** Auto mode, temporary data, free ports, no reset. */
    public static InfrastructureSettings defaults() {
        return new InfrastructureSettings(InfrastructureMode.AUTO, Optional.empty(), 0, 0, false);
    }

    /**
     * Reads system properties, then environment variables: {@code quartermaster.infra.mode} (auto, external,
     * testcontainers, embedded), {@code quartermaster.infra.data-dir}, {@code quartermaster.infra.reset},
     * {@code quartermaster.kafka.port} and {@code quartermaster.postgres.port} (or QUARTERMASTER_INFRA_MODE etc.).
     */
    public static InfrastructureSettings fromEnvironment() {
        return from(ConfigSource.system());
    }

    static InfrastructureSettings from(ConfigSource config) {
        return new InfrastructureSettings(
                config.get(MODE).map(InfrastructureMode::parse).orElse(InfrastructureMode.AUTO),
                config.get(DATA_DIRECTORY).map(Path::of),
                config.get(KAFKA_PORT).map(value -> parsePort(value, KAFKA_PORT)).orElse(0),
                config.get(POSTGRES_PORT).map(value -> parsePort(value, POSTGRES_PORT)).orElse(0),
                config.get(RESET).map(Boolean::parseBoolean).orElse(false));
    }

    public InfrastructureSettings withMode(InfrastructureMode newMode) {
        return new InfrastructureSettings(newMode, dataDirectory, kafkaPort, postgresPort, reset);
    }

    public InfrastructureSettings withDataDirectory(Path directory) {
        return new InfrastructureSettings(mode, Optional.of(directory), kafkaPort, postgresPort, reset);
    }

    public InfrastructureSettings withTemporaryData() {
        return new InfrastructureSettings(mode, Optional.empty(), kafkaPort, postgresPort, reset);
    }

    public InfrastructureSettings withKafkaPort(int port) {
        return new InfrastructureSettings(mode, dataDirectory, port, postgresPort, reset);
    }

    public InfrastructureSettings withPostgresPort(int port) {
        return new InfrastructureSettings(mode, dataDirectory, kafkaPort, port, reset);
    }

    public InfrastructureSettings withReset(boolean newReset) {
        return new InfrastructureSettings(mode, dataDirectory, kafkaPort, postgresPort, newReset);
    }

    private static int parsePort(String value, String property) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a port number, got '" + value + "'", e);
        }
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (any free port) or a port number, got " + port);
        }
    }
}
