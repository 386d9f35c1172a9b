package org.quartermaster.policy.extensions.application;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.policy.extensions.persistence.CustomExtensionStore;
import org.quartermaster.policy.packages.application.PolicyProperties;
import org.quartermaster.policy.policies.domain.CustomExtensionRef;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Extension-gateway's custom workflow extensions as far as the policy service has heard of them. Clients bind an
 * extension to a policy right after creating it, and the event takes a few milliseconds, so an unknown extension is
 * looked up again for a short, bounded time before it is taken not to exist (as AccessPackages does for packages).
 */
@Service
public class CustomExtensions {

  static final Duration POLL = Duration.ofMillis(50);

  private final CustomExtensionStore store;
  private final long retries;

  public CustomExtensions(CustomExtensionStore store, PolicyProperties properties) {
    this.store = store;
    this.retries = Math.max(0, properties.extensionWait().toMillis() / POLL.toMillis());
  }

  /**
   * The extensions among {@code ids} that exist, keyed by the id as given; the unknown ones are waited for together,
   * without blocking a thread. An id that is not a GUID names nothing.
   */
  public Mono<Map<String, CustomExtensionRef>> await(Collection<String> ids) {
    return Flux.fromStream(ids.stream().distinct())
        .flatMap(id -> guid(id).map(guid -> await(guid).map(found -> Map.entry(id, found))).orElse(Mono.empty()))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  /** The extensions known now, for $expand: what is shown never waits. */
  public Flux<CustomExtensionRef> findAll(Collection<UUID> ids) {
    return store.findAll(ids);
  }

  private Mono<CustomExtensionRef> await(UUID id) {
    return Mono.defer(() -> store.find(id))
        .switchIfEmpty(Mono.error(NotYetKnown::new))
        .retryWhen(Retry.fixedDelay(retries, POLL).filter(NotYetKnown.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
        .onErrorResume(NotYetKnown.class, unknown -> Mono.empty());
  }

  /** The id as a GUID, or empty when it is not one (it then names no extension). */
  public static Optional<UUID> guid(String id) {
    try {
      return Optional.of(UUID.fromString(id.trim()));
    } catch (IllegalArgumentException notAGuid) {
      return Optional.empty();
    }
  }

  /** A lookup that found nothing yet; cheap, it never leaves this class. */
  private static final class NotYetKnown extends RuntimeException {
    NotYetKnown() {
      super(null, null, false, false);
    }
  }
}
