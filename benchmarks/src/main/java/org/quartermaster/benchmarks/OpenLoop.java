package org.quartermaster.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one userAdd per request at fixed intervals, whatever the answers do: an open loop. Each request is timed from
 * the moment it was <em>meant</em> to be sent, so a stalled system or a late sender is charged for the wait (no
 * coordinated omission).
 *
 * <p>HTTP/1.1 needs a connection per request in flight. Unbounded, a saturated devstack would soon hold three sockets
 * per waiting request (client side, gateway, service) and run out of file descriptors, which would measure the
 * benchmark, not the system; so at most {@link #IN_FLIGHT} requests are in flight and the rest wait here, still timed
 * from their intended send time. A request that could not even be sent within the give-up time is not sent.
 */
final class OpenLoop {

  static final int IN_FLIGHT = 1000;
  /** Status of a request that was never sent: the in-flight limit stayed full until its give-up time. */
  static final int NOT_SENT = -2;
  /** Status of a request the client gave up on (timeout or connection error). */
  static final int GAVE_UP = -1;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI assignmentRequests;
  private final Duration giveUp;

  /** @param giveUp how long after its intended send time a request is abandoned */
  OpenLoop(String baseUrl, Duration giveUp) {
    this.assignmentRequests = URI.create(baseUrl + SelfServicePackage.ENTITLEMENT_MANAGEMENT + "/assignmentRequests");
    this.giveUp = giveUp;
  }

  /**
   * What happened to each request of one phase, by index; times are {@link System#nanoTime()}.
   *
   * @param status the HTTP status, 0 while unanswered, {@link #GAVE_UP} or {@link #NOT_SENT}
   */
  record Sends(long[] intended, long[] sent, long[] answered, int[] status, String[] body) {

    Sends(int count) {
      this(new long[count], new long[count], new long[count], new int[count], new String[count]);
    }

    int count() {
      return intended.length;
    }
  }

  /**
   * Offers {@code rate} requests per second from {@code start}, one per body, and returns once the last is sent (or
   * abandoned); the answers arrive in the background and complete {@code allAnswered}.
   *
   * @param tokens the requestors' tokens, one per body, in the same order
   */
  Sends run(List<String> tokens, List<String> bodies, int rate, long start, CompletableFuture<Void> allAnswered)
      throws InterruptedException {
    int count = bodies.size();
    Sends sends = new Sends(count);
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    CompletableFuture<?>[] answers = new CompletableFuture<?>[count];
    for (int i = 0; i < count; i++) {
      // Computed from the start, not added up, so rounding never drifts the schedule.
      long intended = start + i * 1_000_000_000L / rate;
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      sends.intended()[i] = intended;
      long abandonAt = intended + giveUp.toNanos();
      if (!inFlight.tryAcquire(Math.max(0, abandonAt - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        sends.status()[i] = NOT_SENT;
        answers[i] = CompletableFuture.completedFuture(null);
        continue;
      }
      int index = i;
      HttpRequest request = HttpRequest.newBuilder(assignmentRequests)
          .timeout(Duration.ofNanos(Math.max(1_000_000_000L, abandonAt - System.nanoTime())))
          .header("Authorization", "Bearer " + tokens.get(i))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
          .build();
      sends.sent()[i] = System.nanoTime();
      answers[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
        // Stamped first, before anything else is done with the answer.
        sends.answered()[index] = System.nanoTime();
        inFlight.release();
        if (failure == null) {
          sends.body()[index] = response.body();
          sends.status()[index] = response.statusCode();
        } else {
          sends.body()[index] = failure.toString();
          sends.status()[index] = GAVE_UP;
        }
      });
    }
    CompletableFuture.allOf(answers).handle((ignored, failure) -> null)
        .thenRun(() -> allAnswered.complete(null));
    return sends;
  }
}
