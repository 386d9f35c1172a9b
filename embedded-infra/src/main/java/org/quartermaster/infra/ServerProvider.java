package org.quartermaster.infra;

/**
 * Starts the servers that are not external.
 */
interface ServerProvider {

    Server<String> kafka();

    Server<PostgresCoordinates> postgres();

    /** In-process Kafka and zonky PostgreSQL, optionally keeping their data under one directory (wiped on reset). */
    static ServerProvider embedded(InfrastructureSettings settings) {
        DataLayout layout = DataLayout.of(settings.dataDirectory());
        if (settings.reset()) {
            layout.wipe();
        }
        return new ServerProvider() {
            @Override
            public Server<String> kafka() {
                return EmbeddedKafkaBroker.start(layout.kafka(), settings.kafkaPort());
            }

            @Override
            public Server<PostgresCoordinates> postgres() {
                return EmbeddedPostgresServer.start(layout.postgres(), settings.postgresPort());
            }
        };
    }

    /** Containers on the local Docker engine; data directory and fixed ports do not apply. */
    static ServerProvider testcontainers() {
        return new ServerProvider() {
            @Override
            public Server<String> kafka() {
                return ContainerKafka.start();
            }

            @Override
            public Server<PostgresCoordinates> postgres() {
                return ContainerPostgres.start();
            }
        };
    }
}
