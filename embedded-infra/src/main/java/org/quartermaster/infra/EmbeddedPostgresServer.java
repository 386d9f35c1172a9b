package org.quartermaster.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from zonky's binaries. zonky starts it with {@code -F} and
 * {@code synchronous_commit=off}, which loses committed transactions on a crash; both are switched back on here so
 * that tests and the devstack see production commit semantics and latencies.
 */
final class EmbeddedPostgresServer implements Server<PostgresCoordinates> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    static final String SUPERUSER = "postgres";
    /** Authentication is {@code trust}; the password only satisfies clients that insist on one. */
    static final String PASSWORD = "postgres";
    static final String DATABASE = "postgres";
    static final String DATA = "data";
    static final String LOG_FILE = "postgres.log";

    private final EmbeddedPostgres postgres;
    private final PostgresCoordinates coordinates;
    private final Optional<Path> temporaryDirectory;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Optional<Path> temporaryDirectory) {
        this.postgres = postgres;
        this.coordinates = new PostgresCoordinates("localhost", postgres.getPort(), DATABASE, SUPERUSER, PASSWORD);
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * @param home kept across restarts when present, otherwise a temporary directory removed on stop; it holds the
     *             cluster in {@code data/} and the server's output in {@code postgres.log}
     * @param port 0 for any free port
     */
    static EmbeddedPostgresServer start(Optional<Path> home, int port) {
        FreePort.requireFree(port, InfrastructureSettings.POSTGRES_PORT);
        Path directory = home.map(EmbeddedPostgresServer::prepared).orElseGet(() -> TemporaryDirectory.create("postgres"));
        Path data = directory.resolve(DATA);
        Path log = directory.resolve(LOG_FILE);
        if (home.isEmpty()) {
            copyTemplate(data);
        }
        try {
            EmbeddedPostgres postgres = builder(data, log, port).start();
            return new EmbeddedPostgresServer(postgres, home.isEmpty() ? Optional.of(directory) : Optional.empty());
        } catch (IOException | RuntimeException e) {
            // The directory stays for its log; a temporary one is swept once this JVM has gone.
            throw new IllegalStateException("Embedded PostgreSQL did not start in " + directory + "; see " + log, e);
        }
    }

    /** Runs initdb when {@code data} holds no cluster yet, then starts the server with durable commits. */
    static EmbeddedPostgres.Builder builder(Path data, Path log, int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // initdb and the server would otherwise log every line at INFO into the application's log.
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(30))
                // Whoever started the server decides when it stops (services first); zonky's own hook would race
                // with that and with the deletion of temporary directories.
                .setRegisterShutdownHook(false);
    }

    private static void copyTemplate(Path data) {
        try {
            PostgresTemplate.copyInto(data);
        } catch (RuntimeException e) {
            LOG.warn("Could not copy the template cluster; running initdb instead", e);
            Directories.deleteRecursively(data);
        }
    }

    private static Path prepared(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create PostgreSQL directory " + home, e);
        }
        OrphanedPostmaster.stopIfUnowned(home.resolve(DATA));
        return home;
    }

    @Override
    public PostgresCoordinates coordinates() {
        return coordinates;
    }

    @Override
    public String description() {
        return "embedded(" + coordinates.address() + ")";
    }

    @Override
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            temporaryDirectory.ifPresent(Directories::deleteRecursively);
        }
    }

    @Override
    public void stopAtJvmExit() {
        stop();
    }
}
