package org.quartermaster.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** What the figures were measured on; without it they cannot be compared with anything. */
record MachineInfo(int processors, String cpuModel, long memoryBytes, String java, String os) {

  static MachineInfo describe() {
    return new MachineInfo(Runtime.getRuntime().availableProcessors(),
        procLine("cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown"),
        procLine("meminfo", "MemTotal:").map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).orElse(0L),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  /** The 1, 5 and 15 minute load averages, e.g. "2.82 2.99 2.01": other work on the machine shows here. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Optional<String> procLine(String file, String prefix) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", file))) {
      return lines.filter(line -> line.startsWith(prefix)).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
