package org.quartermaster.request.requests.application;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Read models trail their owners by the few milliseconds an event takes, and clients request a package right after
 * creating its policy, so a lookup that finds nothing looks again for a short, bounded time before concluding that the
 * thing does not exist.
 */
@Component
public class ReadModelWait {

  static final Duration POLL = Duration.ofMillis(50);

  private final long retries;

  public ReadModelWait(RequestProperties properties) {
    this.retries = Math.max(0, properties.readModelWait().toMillis() / POLL.toMillis());
  }

  /** The lookup's result, or empty when it still finds nothing after the wait; waits without blocking a thread. */
  public <T> Mono<T> await(Supplier<Mono<T>> lookup) {
    return Mono.defer(lookup)
        .switchIfEmpty(Mono.error(NotYetKnown::new))
        .retryWhen(Retry.fixedDelay(retries, POLL).filter(NotYetKnown.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
        .onErrorResume(NotYetKnown.class, unknown -> Mono.empty());
  }

  /** A lookup that found nothing yet; cheap, it never leaves this class. */
  private static final class NotYetKnown extends RuntimeException {
    NotYetKnown() {
      super(null, null, false, false);
    }
  }
}
