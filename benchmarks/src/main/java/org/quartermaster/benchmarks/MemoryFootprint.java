package org.quartermaster.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Memory of the devstack JVM and of its PostgreSQL. PostgreSQL runs in separate processes that the JVM's RSS does
 * not include (pg_ctl detaches the postmaster, so they are not even the JVM's descendants); they are found by the
 * port the devstack reports and measured as PSS, because RSS would count the shared buffers once per backend.
 *
 * @param jvmRssBytes VmRSS of the devstack JVM itself
 * @param postgresPssBytes proportional set size of the postmaster and all its children
 * @param totalPssBytes proportional set size of the JVM plus PostgreSQL
 * @param postgresProcesses how many PostgreSQL processes there were (0: none found on this machine)
 */
record MemoryFootprint(long jvmRssBytes, long postgresPssBytes, long totalPssBytes, int postgresProcesses) {

  static MemoryFootprint of(long jvmPid, Optional<Integer> postgresPort) {
    List<Long> postgres = postgresPort.flatMap(MemoryFootprint::postmaster)
        .map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()).map(ProcessHandle::pid).toList())
        .orElse(List.of());
    long postgresPss = postgres.stream().mapToLong(process -> kilobytes(process, "smaps_rollup", "Pss:")).sum() * 1024;
    long jvmPss = kilobytes(jvmPid, "smaps_rollup", "Pss:") * 1024;
    return new MemoryFootprint(kilobytes(jvmPid, "status", "VmRSS:") * 1024, postgresPss, jvmPss + postgresPss,
        postgres.size());
  }

  /** The {@code postgres} server process started with {@code -p port}. */
  private static Optional<ProcessHandle> postmaster(int port) {
    return ProcessHandle.allProcesses()
        .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
        .filter(process -> process.info().arguments().map(List::of)
            .map(arguments -> arguments.indexOf("-p") >= 0 && arguments.indexOf("-p") + 1 < arguments.size()
                && arguments.get(arguments.indexOf("-p") + 1).equals(Integer.toString(port)))
            .orElse(false))
        .findFirst();
  }

  static String mebibytes(long bytes) {
    return Long.toString(Math.round(bytes / 1024.0 / 1024.0));
  }

  /** A process that exits while being read counts as zero. */
  private static long kilobytes(long pid, String file, String key) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
      return lines.filter(line -> line.startsWith(key)).findFirst()
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
