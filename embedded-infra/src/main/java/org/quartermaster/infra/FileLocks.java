package org.quartermaster.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Both servers lock a file in their data directory while they run (Kafka {@code .lock}, zonky {@code epg-lock});
 * the OS releases such locks when a process dies, so a held lock means a live user rather than a stale file.
 */
final class FileLocks {

    private FileLocks() {
    }

    static boolean isHeld(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check the lock " + lockFile, e);
        }
    }
}
