package org.quartermaster.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one open-loop phase measured: answers and deliveries timed from each request's intended send time, how many
 * deliveries per second the system kept up, and where each delivered request's time went, step by step.
 *
 * @param statuses HTTP status → count; {@link OpenLoop#GAVE_UP} is a POST the client gave up on (timeout or error),
 *     {@link OpenLoop#NOT_SENT} one never sent because the in-flight limit stayed full
 * @param firstRefusal the first answer other than 201, to show what went wrong
 * @param answered intended send → 201 received, over the 201s; unanswered POSTs are its timeouts
 * @param delivered intended send → AssignmentRequestDelivered consumed, over the 201s; those not delivered before the
 *     benchmark stopped waiting are its timeouts
 * @param deliveredAtLeast as {@code delivered}, with each request not delivered counted at the time it was waited
 *     for: lower bounds of the true percentiles when some were not delivered
 * @param failed requests whose AssignmentRequestFailed arrived instead
 * @param idMismatches 201s whose request id differs from that of the Delivered event for the same target
 * @param backlogBefore requests of earlier phases accepted but not yet delivered when this phase began
 */
record PhaseResult(String name, int rate, int seconds, int offered, double maxSendLagMillis, Map<Integer, Integer> statuses,
    String firstRefusal, LatencySummary answered, LatencySummary delivered, LatencySummary deliveredAtLeast, int failed,
    int idMismatches,
    Throughput throughput, List<Stage> stages, long backlogBefore, List<String> deliveredRequestIds) {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final long BUCKET_NANOS = 5_000_000_000L;

  /**
   * Deliveries of every phase's requests count here: a backlog carried in from an earlier phase is delivered (or not)
   * alongside this phase's requests, and the system's rate is what matters.
   *
   * @param sentPerSecond the rate actually sent (requests sent over the time from the first intended to the last send)
   * @param backlogAtWindowEnd accepted requests (of any phase) not yet delivered when the offering stopped
   * @param steadyPerSecond deliveries per second in the second half of the offering window
   * @param phasePerSecond deliveries per second from the first intended send until the benchmark stopped waiting
   * @param perFiveSeconds deliveries in each 5 s from the first intended send until the benchmark stopped waiting
   */
  record Throughput(double sentPerSecond, long backlogAtWindowEnd, double steadyPerSecond, double phasePerSecond,
      List<Long> perFiveSeconds) {
  }

  /** One step of a delivered request, between two timestamps. */
  record Stage(String name, LatencySummary latency) {
  }

  static PhaseResult analyse(UserAddPhase.Run run, DeliveryWatcher watcher, WallClock clock) {
    OpenLoop.Sends sends = run.sends();
    int count = sends.count();
    Map<Integer, Integer> statuses = new TreeMap<>();
    String firstRefusal = null;
    LatencyRecorder answered = new LatencyRecorder();
    LatencyRecorder delivered = new LatencyRecorder();
    LatencyRecorder deliveredAtLeast = new LatencyRecorder();
    StageRecorders stages = new StageRecorders();
    List<String> deliveredIds = new ArrayList<>();
    int failed = 0;
    int mismatches = 0;
    long maxLag = 0;
    for (int i = 0; i < count; i++) {
      int status = sends.status()[i];
      statuses.merge(status, 1, Integer::sum);
      if (status != OpenLoop.NOT_SENT) {
        maxLag = Math.max(maxLag, sends.sent()[i] - sends.intended()[i]);
      }
      if (status != 201) {
        if (firstRefusal == null && status != OpenLoop.NOT_SENT) {
          firstRefusal = status + " " + sends.body()[i];
        }
        if (status <= 0) {
          answered.recordTimeout();
        }
        continue;
      }
      answered.recordNanos(sends.answered()[i] - sends.intended()[i]);
      RequestTrace trace = watcher.trace(run.keys().get(i));
      long arrival = trace.deliveredArrivalNanos();
      if (arrival == 0 || arrival > run.drainDeadline()) {
        if (trace.failure() != null) {
          failed++;
        } else {
          delivered.recordTimeout();
          deliveredAtLeast.recordNanos(run.drainDeadline() - sends.intended()[i]);
        }
        continue;
      }
      delivered.recordNanos(arrival - sends.intended()[i]);
      deliveredAtLeast.recordNanos(arrival - sends.intended()[i]);
      String id = requestId(sends.body()[i]);
      deliveredIds.add(id);
      if (!id.equals(trace.requestId())) {
        mismatches++;
      }
      stages.record(sends, i, trace, clock);
    }
    long accepted = statuses.getOrDefault(201, 0);
    long backlogBefore = run.acceptedBefore() - watcher.deliveredBetween(Long.MIN_VALUE, sends.intended()[0]);
    return new PhaseResult(run.name(), run.rate(), run.seconds(), count, maxLag / 1e6, statuses, firstRefusal,
        answered.summary(), delivered.summary(), deliveredAtLeast.summary(), failed, mismatches,
        throughput(run, watcher, accepted, backlogBefore), stages.summaries(), backlogBefore, deliveredIds);
  }

  /** How many of this phase's requests were accepted (201). */
  long accepted() {
    return statuses.getOrDefault(201, 0);
  }

  private static Throughput throughput(UserAddPhase.Run run, DeliveryWatcher watcher, long accepted,
      long backlogBefore) {
    long[] intended = run.sends().intended();
    long start = intended[0];
    long windowEnd = start + run.seconds() * 1_000_000_000L;
    long half = start + run.seconds() * 500_000_000L;
    List<Long> buckets = new ArrayList<>();
    for (long from = start; from < run.drainDeadline(); from += BUCKET_NANOS) {
      buckets.add(watcher.deliveredBetween(from, Math.min(from + BUCKET_NANOS, run.drainDeadline())));
    }
    long[] sent = Arrays.stream(run.sends().sent()).filter(at -> at != 0).sorted().toArray();
    double sentSpan = sent.length < 2 ? 0 : (sent[sent.length - 1] - start) / 1e9;
    double phaseSpan = (run.drainDeadline() - start) / 1e9;
    long backlog = backlogBefore + accepted - watcher.deliveredBetween(start, windowEnd);
    return new Throughput(sentSpan <= 0 ? 0 : (sent.length - 1) / sentSpan, backlog,
        watcher.deliveredBetween(half, windowEnd) / (run.seconds() / 2.0),
        phaseSpan <= 0 ? 0 : watcher.deliveredBetween(start, run.drainDeadline()) / phaseSpan, buckets);
  }

  private static String requestId(String body) {
    Matcher matcher = ID.matcher(body == null ? "" : body);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** The steps between the timestamps of one delivered request, each in its own histogram. */
  private static final class StageRecorders {

    private static final List<String> NAMES = List.of(
        "intended send → sent (the benchmark's sender)",
        "sent → RequestCreated.occurredAt (gateway, token check, validation against read models)",
        "RequestCreated → 201 received (commit with the outbox rows, answer back through the gateway)",
        "RequestCreated → DeliveryRequested on Kafka (request-service's outbox relay)",
        "→ AssignmentCreated.occurredAt (waiting for and in provisioning's request-topic consumer)",
        "AssignmentCreated → ResourceRoleGranted.occurredAt (grant queue, directory call)",
        "ResourceRoleGranted → AssignmentGranted.occurredAt",
        "AssignmentGranted → on Kafka (provisioning's outbox relay)",
        "→ RequestDelivered.occurredAt (waiting for and in request-service's provisioning-topic consumer)",
        "RequestDelivered → consumed by the benchmark (request-service's outbox relay, Kafka)");

    private final List<LatencyRecorder> recorders = NAMES.stream().map(name -> new LatencyRecorder()).toList();

    void record(OpenLoop.Sends sends, int i, RequestTrace trace, WallClock clock) {
      long[] steps = {trace.createdMicros(), seen(trace.deliveryRequestedSeenNanos(), clock),
          trace.assignmentCreatedMicros(), trace.roleGrantedMicros(), trace.assignmentGrantedMicros(),
          seen(trace.assignmentGrantedSeenNanos(), clock), trace.deliveredMicros()};
      if (Arrays.stream(steps).anyMatch(step -> step == 0)) {
        // An event of this request was not seen (e.g. it arrived before the watcher started): no breakdown for it.
        return;
      }
      recorders.get(0).recordNanos(sends.sent()[i] - sends.intended()[i]);
      recorders.get(1).recordMicros(steps[0] - clock.micros(sends.sent()[i]));
      recorders.get(2).recordMicros(clock.micros(sends.answered()[i]) - steps[0]);
      for (int step = 1; step < steps.length; step++) {
        recorders.get(step + 2).recordMicros(steps[step] - steps[step - 1]);
      }
      recorders.get(9).recordMicros(clock.micros(trace.deliveredArrivalNanos()) - steps[6]);
    }

    private static long seen(long nanoTime, WallClock clock) {
      return nanoTime == 0 ? 0 : clock.micros(nanoTime);
    }

    List<Stage> summaries() {
      List<Stage> stages = new ArrayList<>();
      for (int i = 0; i < NAMES.size(); i++) {
        stages.add(new Stage(NAMES.get(i), recorders.get(i).summary()));
      }
      return stages;
    }
  }
}
