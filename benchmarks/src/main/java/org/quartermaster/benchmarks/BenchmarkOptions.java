package org.quartermaster.benchmarks;

import java.nio.file.Path;

/**
 * What to run and how much of it; every option is {@code --name=value}.
 *
 * @param devstackJar the devstack's executable jar, as {@code ./start-devstack} runs it
 * @param output where the Markdown results are written (they are printed too)
 * @param coldStarts how many times the devstack is started from nothing
 * @param commits timed PostgreSQL commits for the floor
 * @param roundTrips timed Kafka round trips for the floor
 * @param warmupGets authenticated GETs after each start, before memory is read again
 * @param memberships timed membership writes (the preliminary directory write figure); 0 skips them
 */
record BenchmarkOptions(Path devstackJar, Path output, int coldStarts, int commits, int roundTrips, int warmupGets,
    int memberships) {

  static BenchmarkOptions parse(String[] args) {
    BenchmarkOptions options = new BenchmarkOptions(Path.of("devstack/target/quartermaster-devstack-exec.jar"),
        Path.of("benchmarks/target/benchmark-results.md"), 3, 2000, 2000, 200, 300);
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("Expected --name=value, got " + arg + "\n" + usage());
      }
      String value = arg.substring(equals + 1);
      switch (arg.substring(2, equals)) {
        case "devstack-jar" -> options = options.with(Path.of(value), options.output);
        case "output" -> options = options.with(options.devstackJar, Path.of(value));
        case "cold-starts" -> options = options.counts(positive(value), options.commits, options.roundTrips,
            options.warmupGets, options.memberships);
        case "commits" -> options = options.counts(options.coldStarts, positive(value), options.roundTrips,
            options.warmupGets, options.memberships);
        case "round-trips" -> options = options.counts(options.coldStarts, options.commits, positive(value),
            options.warmupGets, options.memberships);
        case "warmup-gets" -> options = options.counts(options.coldStarts, options.commits, options.roundTrips,
            Integer.parseInt(value), options.memberships);
        case "memberships" -> options = options.counts(options.coldStarts, options.commits, options.roundTrips,
            options.warmupGets, Integer.parseInt(value));
        default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage());
      }
    }
    return options;
  }

  static String usage() {
    return "options: --devstack-jar=PATH --output=PATH --cold-starts=3 --commits=2000 --round-trips=2000"
        + " --warmup-gets=200 --memberships=300";
  }

  private BenchmarkOptions with(Path jar, Path out) {
    return new BenchmarkOptions(jar, out, coldStarts, commits, roundTrips, warmupGets, memberships);
  }

  private BenchmarkOptions counts(int starts, int commitCount, int trips, int gets, int writes) {
    return new BenchmarkOptions(devstackJar, output, starts, commitCount, trips, gets, writes);
  }

  private static int positive(String value) {
    int number = Integer.parseInt(value);
    if (number < 1) {
      throw new IllegalArgumentException("Expected a positive number, got " + value);
    }
    return number;
  }
}
