package org.quartermaster.infra;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the embedded servers keep their data under one data directory; empty when they use temporary directories.
 */
record DataLayout(Optional<Path> kafka, Optional<Path> postgres) {

    static DataLayout of(Optional<Path> dataDirectory) {
        return new DataLayout(dataDirectory.map(d -> d.resolve("kafka")), dataDirectory.map(d -> d.resolve("postgres")));
    }

    /** Deletes the servers' data, refusing while another process still runs on it. */
    void wipe() {
        kafka.ifPresent(directory -> {
            EmbeddedKafkaBroker.refuseIfInUse(directory);
            Directories.deleteRecursively(directory);
        });
        postgres.ifPresent(directory -> {
            OrphanedPostmaster.stopIfUnowned(directory.resolve(EmbeddedPostgresServer.DATA));
            Directories.deleteRecursively(directory);
        });
    }
}
