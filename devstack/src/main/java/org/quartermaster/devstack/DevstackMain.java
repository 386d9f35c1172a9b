package org.quartermaster.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code ./start-devstack [--port N] [--data-dir DIR] [--reset] [--temporary]}: the whole system, ready to call. */
public final class DevstackMain {

  private DevstackMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    // Several Spring applications share this JVM; each would re-initialise logging and repeat every line.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    System.setProperty("logback.configurationFile", "logback-devstack.xml");
    DevstackSettings settings = parse(args);
    Devstack devstack = Devstack.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      devstack.close();
      stopped.countDown();
    }, "devstack-shutdown"));
    System.out.println(banner(devstack, settings));
    stopped.await();
  }

  static DevstackSettings parse(String[] args) {
    DevstackSettings settings = DevstackSettings.defaults();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> settings = settings.withPort(Integer.parseInt(args[++i]));
        case "--data-dir" -> settings = settings.withDataDirectory(Optional.of(Path.of(args[++i])));
        case "--reset" -> settings = settings.withReset(true);
        case "--temporary" -> settings = settings.withDataDirectory(Optional.empty());
        case "--help", "-h" -> {
          System.out.println("usage: ./start-devstack [--port N] [--data-dir DIR] [--reset] [--temporary]");
          System.exit(0);
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
      }
    }
    return settings;
  }

  static String banner(Devstack devstack, DevstackSettings settings) {
    String data = settings.dataDirectory().map(path -> path.toAbsolutePath().normalize().toString())
        .orElse("(temporary, deleted on exit)");
    return """

        Quartermaster devstack is ready in %.1f s, using %s of memory (RSS).
          Base URL:       %s/v1.0  (and %s/beta)
          Infrastructure: %s
          Data directory: %s  (start with --reset to wipe it)

        Get a token for the administrator and call the API:
          TOKEN=$(curl -s -X POST %s/dev/token -H 'Content-Type: application/json' \\
                  -d '{"user":"%s"}' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
          curl -s -H "Authorization: Bearer $TOKEN" %s/v1.0/users

        Stop with Ctrl-C.
        """.formatted(devstack.startup().toMillis() / 1000.0, ResidentMemory.describe(), devstack.baseUrl(),
        devstack.baseUrl(), devstack.infrastructure().description(), data, devstack.baseUrl(), settings.administrator(),
        devstack.baseUrl());
  }

  /** The resident set size, the memory figure the benchmarks hold the devstack to. */
  static final class ResidentMemory {
    private ResidentMemory() {
    }

    static Optional<Long> bytes() {
      try {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(line -> line.startsWith("VmRSS:"))
            .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
            .findFirst();
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    static String describe() {
      return bytes().map(b -> "%.0f MiB".formatted(b / 1024.0 / 1024.0)).orElse("unknown");
    }
  }
}
