package org.quartermaster.policy.packages.application;

import java.time.Duration;
import java.util.UUID;
import org.quartermaster.policy.packages.persistence.AccessPackageStore;
import org.quartermaster.policy.policies.domain.AccessPackageRef;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The catalog's access packages as far as the policy service has heard of them. The read model trails the catalog by
 * the few milliseconds an event takes, and clients create a policy right after creating its package, so a lookup for
 * an unknown package looks again for a short, bounded time before concluding that it does not exist.
 */
@Service
public class AccessPackages {

  static final Duration POLL = Duration.ofMillis(50);

  private final AccessPackageStore store;
  private final long retries;

  public AccessPackages(AccessPackageStore store, PolicyProperties properties) {
    this.store = store;
    this.retries = Math.max(0, properties.catalogWait().toMillis() / POLL.toMillis());
  }

  /** The package, or empty when it is still unknown after the wait; waits without blocking a thread. */
  public Mono<AccessPackageRef> await(UUID accessPackageId) {
    return Mono.defer(() -> store.find(accessPackageId))
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
