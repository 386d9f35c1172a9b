package org.quartermaster.infra;

import java.util.concurrent.atomic.AtomicBoolean;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a container, for machines with a Docker engine. Testcontainers turns fsync off by default; it is
 * turned back on, like in embedded mode, so that commit latencies stay those of production.
 */
final class ContainerPostgres implements Server<PostgresCoordinates> {

    /** The same major version as the embedded binaries. */
    static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer container;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    @SuppressWarnings("resource") // stopped in stop()
    static ContainerPostgres start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName(EmbeddedPostgresServer.DATABASE)
                .withUsername(EmbeddedPostgresServer.SUPERUSER)
                .withPassword(EmbeddedPostgresServer.PASSWORD)
                .withCommand("postgres", "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=300");
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public PostgresCoordinates coordinates() {
        return new PostgresCoordinates(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getDatabaseName(), container.getUsername(), container.getPassword());
    }

    @Override
    public String description() {
        return "testcontainers(" + coordinates().address() + ")";
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            container.stop();
        }
    }
}
