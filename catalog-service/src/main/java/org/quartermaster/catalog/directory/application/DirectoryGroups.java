package org.quartermaster.catalog.directory.application;

import java.time.Duration;
import java.util.UUID;
import org.quartermaster.catalog.directory.persistence.DirectoryGroupStore;
import org.quartermaster.catalog.resources.domain.DirectoryGroupOrigin;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The directory's groups as far as the catalog has heard of them. The read model trails the directory by the few
 * milliseconds an event takes, and clients add a group to a catalog right after creating it, so a lookup for an
 * unknown group looks again for a short, bounded time before concluding that it does not exist.
 */
@Service
public class DirectoryGroups {

  static final Duration POLL = Duration.ofMillis(50);

  private final DirectoryGroupStore store;
  private final long retries;

  public DirectoryGroups(DirectoryGroupStore store, CatalogProperties properties) {
    this.store = store;
    this.retries = Math.max(0, properties.directoryWait().toMillis() / POLL.toMillis());
  }

  /** The group, or empty when it is still unknown after the wait; waits without blocking a thread. */
  public Mono<DirectoryGroupOrigin> await(UUID groupId) {
    return Mono.defer(() -> store.find(groupId))
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
