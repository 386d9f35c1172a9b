package org.quartermaster.infra;

/**
 * A running Kafka broker and PostgreSQL server, whichever way they were provided.
 */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    PostgresCoordinates postgres();

    /** Where each server comes from, e.g. {@code kafka=embedded(localhost:41234) postgres=embedded(localhost:5433)}. */
    String description();

    /**
     * Stops what was started here (Kafka first, then PostgreSQL); external servers are left alone.
     * Stop the services that use the broker before calling this: a consumer whose broker vanished blocks its shutdown.
     */
    @Override
    void close();
}
