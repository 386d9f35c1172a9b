package org.quartermaster.infra;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A broker and a database server, stopped in the order the platform needs: Kafka first, then PostgreSQL.
 */
final class StartedInfrastructure implements Infrastructure {

    private final Server<String> kafka;
    private final Server<PostgresCoordinates> postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    StartedInfrastructure(Server<String> kafka, Server<PostgresCoordinates> postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.coordinates();
    }

    @Override
    public PostgresCoordinates postgres() {
        return postgres.coordinates();
    }

    @Override
    public String description() {
        return "kafka=" + kafka.description() + " postgres=" + postgres.description();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }

    void stopAtJvmExit() {
        kafka.stopAtJvmExit();
        postgres.stopAtJvmExit();
    }

    @Override
    public String toString() {
        return description();
    }
}
