package org.quartermaster.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL runs as a separate OS process, so a JVM killed without its shutdown hooks leaves it running on its
 * data directory; the next start on that directory would fail until it is stopped.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
    /** The lock file zonky's EmbeddedPostgres holds for as long as its JVM uses the data directory. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";

    private OrphanedPostmaster() {
    }

    /**
     * Stops a postmaster left on the directory by a JVM that has gone, and refuses a directory a live JVM still
     * uses.
     */
    static void stopIfUnowned(Path dataDirectory) {
        if (FileLocks.isHeld(dataDirectory.resolve(OWNER_LOCK))) {
            throw new IllegalStateException("PostgreSQL data directory " + dataDirectory
                    + " is in use by another running devstack or test JVM; stop it or use another data directory");
        }
        stopIfRunning(dataDirectory);
    }

    /** Stops the postmaster named in the directory's postmaster.pid, if it still runs. */
    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        postmaster(pidFile).ifPresent(process -> {
            LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by a JVM that has gone", process.pid(),
                    dataDirectory);
            process.destroy();
            if (!stopped(process, pidFile, Duration.ofSeconds(15))) {
                process.destroyForcibly();
                stopped(process, pidFile, Duration.ofSeconds(5));
            }
        });
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * PostgreSQL removes its pid file as the last step of a shutdown. The process itself may linger as a zombie
     * until init reaps it (its parent JVM is gone), and the JDK only polls for the exit of a process that is not
     * its child, so waiting for the exit alone took seconds.
     */
    private static boolean stopped(ProcessHandle process, Path pidFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(pidFile) && process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                process.onExit().get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Check the pid file again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
