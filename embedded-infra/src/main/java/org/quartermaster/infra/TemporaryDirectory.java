package org.quartermaster.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scratch directories for servers without a data directory. Each name carries the owning process id, so that
 * directories left by killed JVMs (test timeouts, kill -9) are swept on the next start instead of piling up.
 */
final class TemporaryDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDirectory.class);
    private static final Pattern OWNED_BY_PID = Pattern.compile("[a-z]+-(\\d+)-\\d+");

    private TemporaryDirectory() {
    }

    static Path parent() {
        return Path.of(System.getProperty("java.io.tmpdir"), "quartermaster-infra");
    }

    static Path create(String kind) {
        Path parent = parent();
        try {
            Files.createDirectories(parent);
            sweepStale(parent);
            return Files.createTempDirectory(parent, kind + "-" + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory under " + parent, e);
        }
    }

    private static void sweepStale(Path parent) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
            for (Path child : children) {
                Matcher matcher = OWNED_BY_PID.matcher(child.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    remove(child);
                }
            }
        }
    }

    private static void remove(Path stale) {
        LOG.info("Removing {}, left behind by a process that no longer runs", stale);
        try {
            OrphanedPostmaster.stopIfRunning(stale.resolve(EmbeddedPostgresServer.DATA));
            Directories.deleteRecursively(stale);
        } catch (RuntimeException e) {
            // Another JVM may be sweeping the same directory right now; whatever is left goes next time.
            LOG.debug("Could not remove {}", stale, e);
        }
    }
}
