package org.quartermaster.benchmarks;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to run and how much of it; every option is {@code --name=value}.
 *
 * @param devstackJar the devstack's executable jar, as {@code ./start-devstack} runs it
 * @param output where the Markdown results are written (they are printed too)
 * @param parts which measurements run
 * @param coldStarts how many times the devstack is started from nothing
 * @param commits timed PostgreSQL commits for the floor
 * @param roundTrips timed Kafka round trips for the floor
 * @param warmupGets authenticated GETs after each start, before memory is read again
 * @param memberships timed membership writes (the preliminary directory write figure); 0 skips them
 * @param userAdd the load of the userAdd → delivered measurement
 * @param attach a devstack that is already running, to measure userAdd on instead of starting one (development only)
 */
record BenchmarkOptions(Path devstackJar, Path output, Set<Part> parts, int coldStarts, int commits, int roundTrips,
    int warmupGets, int memberships, UserAddLoad userAdd, Optional<RunningDevstack> attach) {

  /** A measurement that can be selected with {@code --parts}. */
  enum Part {
    FLOOR, COLD_START, USER_ADD;

    String optionName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * The open-loop phases of the userAdd benchmark; each rate is requests per second, offered for so many seconds.
   *
   * @param warmupRate the warm-up's rate; its requests are not counted
   * @param probeRate a light load first, so a saturated system's queueing does not hide what one request costs
   * @param drainSeconds how long the benchmark waits after a phase's last send for the rest to be delivered
   * @param packages how many self-service packages (each with its own group and policy) are set up; each user asks
   *     for each package once, so a run needs {@code requests / packages} users instead of one per request
   */
  record UserAddLoad(int warmupRate, int warmupSeconds, int probeRate, int probeSeconds, int latencyRate,
      int latencySeconds, int throughputRate, int throughputSeconds, int drainSeconds, int packages) {

    int requests() {
      return warmupRate * warmupSeconds + probeRate * probeSeconds + latencyRate * latencySeconds
          + throughputRate * throughputSeconds;
    }

    /** A second userAdd for the same user, package and policy is refused, so each pair is asked for once. */
    int users() {
      return (requests() + packages - 1) / packages;
    }
  }

  /** Where a devstack started by hand listens: its gateway, and its Kafka as its banner prints it. */
  record RunningDevstack(String baseUrl, String kafkaBootstrapServers) {
  }

  private static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("devstack-jar", "devstack/target/quartermaster-devstack-exec.jar");
    defaults.put("output", "benchmarks/target/benchmark-results.md");
    defaults.put("parts", "floor,cold-start,user-add");
    defaults.put("cold-starts", "3");
    defaults.put("commits", "2000");
    defaults.put("round-trips", "2000");
    defaults.put("warmup-gets", "200");
    defaults.put("memberships", "300");
    defaults.put("warmup-rate", "10");
    defaults.put("warmup-seconds", "6");
    defaults.put("probe-rate", "5");
    defaults.put("probe-seconds", "10");
    defaults.put("latency-rate", "200");
    defaults.put("latency-seconds", "30");
    defaults.put("throughput-rate", "1000");
    defaults.put("throughput-seconds", "10");
    defaults.put("drain-seconds", "30");
    defaults.put("packages", "20");
    defaults.put("attach", "");
    return defaults;
  }

  static BenchmarkOptions parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("Expected --name=value, got " + arg + "\n" + usage());
      }
      String name = arg.substring(2, equals);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage());
      }
      values.put(name, arg.substring(equals + 1));
    }
    UserAddLoad load = new UserAddLoad(count(values, "warmup-rate"), count(values, "warmup-seconds"),
        count(values, "probe-rate"), count(values, "probe-seconds"), count(values, "latency-rate"),
        count(values, "latency-seconds"), count(values, "throughput-rate"), count(values, "throughput-seconds"),
        count(values, "drain-seconds"), positive(values, "packages"));
    return new BenchmarkOptions(Path.of(values.get("devstack-jar")), Path.of(values.get("output")),
        parts(values.get("parts")), positive(values, "cold-starts"), positive(values, "commits"),
        positive(values, "round-trips"), count(values, "warmup-gets"), count(values, "memberships"), load,
        attach(values.get("attach")));
  }

  boolean runs(Part part) {
    return parts.contains(part);
  }

  static String usage() {
    StringBuilder usage = new StringBuilder("options (defaults shown):");
    DEFAULTS.forEach((name, value) -> usage.append(" --").append(name).append('=').append(value));
    return usage.append("\n--parts is a comma-separated subset of floor,cold-start,user-add;")
        .append(" --attach=http://localhost:8080,localhost:PORT measures user-add on a running devstack").toString();
  }

  private static Set<Part> parts(String list) {
    Set<Part> parts = EnumSet.noneOf(Part.class);
    for (String name : list.split(",")) {
      parts.add(EnumSet.allOf(Part.class).stream().filter(part -> part.optionName().equals(name.trim())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Unknown part " + name + "\n" + usage())));
    }
    return parts;
  }

  private static Optional<RunningDevstack> attach(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String[] addresses = value.split(",");
    if (addresses.length != 2) {
      throw new IllegalArgumentException("Expected --attach=GATEWAY_URL,KAFKA_BOOTSTRAP, got " + value);
    }
    return Optional.of(new RunningDevstack(addresses[0], addresses[1]));
  }

  private static int count(Map<String, String> values, String name) {
    int number = Integer.parseInt(values.get(name));
    if (number < 0) {
      throw new IllegalArgumentException("--" + name + " must not be negative, got " + number);
    }
    return number;
  }

  private static int positive(Map<String, String> values, String name) {
    int number = count(values, name);
    if (number < 1) {
      throw new IllegalArgumentException("--" + name + " must be positive, got " + number);
    }
    return number;
  }
}
