package org.quartermaster.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @Test
    void resetWipesBothServersDataButNotWhileABrokerHoldsIt(@TempDir Path dataDirectory) throws Exception {
        DataLayout layout = DataLayout.of(Optional.of(dataDirectory));
        Path kafka = Files.createDirectories(layout.kafka().orElseThrow());
        Files.writeString(Files.createDirectories(kafka.resolve("orders-0")).resolve("00000000000000000000.log"), "x");
        Files.writeString(Files.createDirectories(layout.postgres().orElseThrow().resolve("data")).resolve("PG_VERSION"),
                "17");

        try (FileChannel channel = FileChannel.open(kafka.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock brokerLock = channel.lock()) {
            assertThatThrownBy(layout::wipe).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another running devstack");
        }
        layout.wipe();

        assertThat(layout.kafka().orElseThrow()).doesNotExist();
        assertThat(layout.postgres().orElseThrow()).doesNotExist();
    }

    @Test
    void sweepsTemporaryDirectoriesOfProcessesThatHaveGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectories(TemporaryDirectory.parent().resolve("kafka-" + gone.pid() + "-42"));
        Files.writeString(stale.resolve("meta.properties"), "node.id=1");

        Path fresh = TemporaryDirectory.create("kafka");
        try {
            assertThat(stale).doesNotExist();
            assertThat(fresh.getFileName().toString()).startsWith("kafka-" + ProcessHandle.current().pid() + "-");
        } finally {
            Directories.deleteRecursively(fresh);
        }
    }
}
