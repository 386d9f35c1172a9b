package org.quartermaster.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void commitsDurably() throws Exception {
        PostgresCoordinates pg = SharedInfrastructure.get().postgres();

        assertThat(Sql.column(pg, "SHOW fsync")).containsExactly("on");
        assertThat(Sql.column(pg, "SHOW synchronous_commit")).containsExactly("on");
        assertThat(Sql.column(pg, "SHOW full_page_writes")).containsExactly("on");
    }

    @Test
    void isolatesWorkInASchemaThatCanBeDroppedAgain() throws Exception {
        PostgresCoordinates pg = SharedInfrastructure.get().postgres();
        String schema = Sql.uniqueSchema("directory_test");

        DatabaseAdmin.createSchemaIfMissing(pg, schema);
        DatabaseAdmin.createSchemaIfMissing(pg, schema);
        Sql.execute(pg,
                "CREATE TABLE " + schema + ".users (id text PRIMARY KEY, display_name text NOT NULL)",
                "INSERT INTO " + schema + ".users VALUES ('u1', 'Ada Lovelace')");

        assertThat(Sql.column(pg, "SELECT display_name FROM " + schema + ".users WHERE id = 'u1'"))
                .containsExactly("Ada Lovelace");

        DatabaseAdmin.dropSchema(pg, schema);
        assertThat(Sql.column(pg, "SELECT nspname FROM pg_namespace WHERE nspname = '" + schema + "'")).isEmpty();
        assertThatThrownBy(() -> Sql.column(pg, "SELECT count(*) FROM " + schema + ".users"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void keepsCommittedDataInAPersistentDataDirectoryAcrossRestartsOnAFixedPort(@TempDir Path home) throws Exception {
        int fixedPort = FreePort.pick();
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(Optional.of(home), fixedPort);
        try {
            Sql.execute(first.coordinates(),
                    "CREATE TABLE grants (id int PRIMARY KEY, role text)",
                    "INSERT INTO grants VALUES (1, 'Owner')");
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(Optional.of(home), 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running devstack or test JVM");
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(Optional.empty(), fixedPort))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("(quartermaster.postgres.port) is already in use");
        } finally {
            first.stop();
        }

        EmbeddedPostgresServer second = EmbeddedPostgresServer.start(Optional.of(home), fixedPort);
        try {
            assertThat(second.coordinates().port()).isEqualTo(fixedPort);
            assertThat(Sql.column(second.coordinates(), "SELECT role FROM grants WHERE id = 1"))
                    .containsExactly("Owner");
        } finally {
            second.stop();
        }
        assertThat(home.resolve(EmbeddedPostgresServer.LOG_FILE)).content().contains("database system is ready");
    }

    @Test
    void stopsAPostmasterOrphanedByAKilledJvmBeforeStartingOnItsDirectory(@TempDir Path home) throws Exception {
        PostgresTemplate.copyInto(home.resolve(EmbeddedPostgresServer.DATA)); // spares the child JVM an initdb
        Process killedJvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                OrphanMaker.class.getName(), home.toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("child-jvm.log").toFile())
                .start();
        assertThat(killedJvm.waitFor()).isZero();
        List<String> orphanPidFile = Files.readAllLines(home.resolve(EmbeddedPostgresServer.DATA).resolve("postmaster.pid"));
        long orphanPid = Long.parseLong(orphanPidFile.get(0).trim());
        int orphanPort = Integer.parseInt(orphanPidFile.get(3).trim());
        assertThat(Sql.column(new PostgresCoordinates("localhost", orphanPort, "postgres", "postgres", ""), "SELECT 1"))
                .as("the orphan still serves").containsExactly("1");

        int otherPort = FreePort.pick(); // differs from orphanPort, which the orphan still holds
        EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(Optional.of(home), otherPort);
        try {
            assertThat(Sql.column(restarted.coordinates(), "SELECT 1")).containsExactly("1");
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), orphanPort).close())
                    .as("the orphan stopped listening").isInstanceOf(ConnectException.class);
            assertThat(Long.parseLong(Files.readAllLines(home.resolve(EmbeddedPostgresServer.DATA)
                    .resolve("postmaster.pid")).get(0).trim())).isNotEqualTo(orphanPid);
        } finally {
            restarted.stop();
        }
    }
}
