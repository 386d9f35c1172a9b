package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Bounded waits for what the system does after it has answered: a request is delivered through Kafka, and each
 * service's read models of the others catch up. Each wait ends on the first answer that settles it, never on a timer.
 */
final class Eventually {

  /** Far above the ~0.6 s a delivery takes, so only a real failure runs into it. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  /** accessPackageRequestState values after which nothing more happens to a request, in v1.0's and beta's spelling. */
  private static final Set<String> COMPLETED = Set.of("delivered", "partiallydelivered", "deliveryfailed", "denied", "canceled");

  private Eventually() {
  }

  static <T> T await(String what, Callable<T> read, Predicate<? super T> done) {
    return Awaitility.await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
        .until(read, done);
  }

  /** Whether a request in this state is finished, one way or the other; the caller then asserts which way. */
  static boolean completed(String requestState) {
    return requestState != null && COMPLETED.contains(requestState.toLowerCase(Locale.ROOT));
  }

  /**
   * Deletes what its owner may still refuse for a moment: a policy or a package is held by assignments until the
   * owner's read model has heard of their removal. A refusal (409) is retried; any other answer ends the wait and must
   * be 204.
   */
  static void deleted(GraphHttp graph, String path) {
    GraphHttp.Answer answer = await("DELETE " + path + " once nothing holds it", () -> graph.delete(path),
        last -> last.status() != 409);
    assertThat(answer.status()).as("DELETE %s: %s", path, answer.body()).isEqualTo(204);
  }
}
