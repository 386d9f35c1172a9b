package org.quartermaster.infra;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Run in a child JVM: starts PostgreSQL on a persistent directory, then dies the way kill -9 would, without
 * shutdown hooks, leaving the postmaster orphaned.
 */
public final class OrphanMaker {

    private OrphanMaker() {
    }

    public static void main(String[] args) {
        EmbeddedPostgresServer.start(Optional.of(Path.of(args[0])), 0);
        Runtime.getRuntime().halt(0);
    }
}
