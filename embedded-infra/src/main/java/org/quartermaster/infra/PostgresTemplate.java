package org.quartermaster.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * A freshly initialised, cleanly shut down cluster kept per machine and per PostgreSQL binaries, because every
 * test JVM starts a temporary server: initdb took 1–5 s here (mostly syncing 40 MB to disk), copying the cluster
 * 0.05–0.5 s. Persistent devstack clusters still get initdb, whose sync makes them durable from the start.
 */
final class PostgresTemplate {

    private static String binariesDigest;

    private PostgresTemplate() {
    }

    /** Fills the empty or absent {@code dataDirectory} with a copy of the template, creating that first if needed. */
    static synchronized void copyInto(Path dataDirectory) {
        Path template = TemporaryDirectory.parent().resolve("postgres-template-" + binariesDigest());
        Path cluster = template.resolve(EmbeddedPostgresServer.DATA);
        try {
            Files.createDirectories(template);
            try (FileChannel channel = FileChannel.open(template.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                Path complete = template.resolve("complete");
                if (!Files.exists(complete)) {
                    // Left half-built by a JVM that died, possibly with its postmaster still running.
                    OrphanedPostmaster.stopIfRunning(cluster);
                    Directories.deleteRecursively(cluster);
                    Path log = template.resolve(EmbeddedPostgresServer.LOG_FILE);
                    EmbeddedPostgresServer.builder(cluster, log, 0).start().close();
                    Files.createFile(complete);
                }
            }
            copyTree(cluster, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a PostgreSQL cluster from " + template, e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path) && Files.isDirectory(copy)) {
                    continue;
                }
                Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** The digest zonky also uses to name the directory it unpacks the binaries to. */
    private static String binariesDigest() {
        if (binariesDigest == null) {
            try (DigestInputStream in = new DigestInputStream(
                    DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), architecture()),
                    MessageDigest.getInstance("MD5"))) {
                in.transferTo(OutputStream.nullOutputStream());
                binariesDigest = HexFormat.of().formatHex(in.getMessageDigest().digest());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the PostgreSQL binaries", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return binariesDigest;
    }

    /** The names zonky passes to its binary resolver. */
    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "Windows";
        }
        return name.startsWith("mac") ? "Darwin" : "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }
}
