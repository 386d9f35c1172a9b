package org.quartermaster.extension.callouts.application;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Callouts in flight per endpoint host, bounded, so that one slow or hanging endpoint occupies at most that many
 * workers and the others keep serving every other endpoint.
 */
final class HostLimiter {

  private final int perHost;
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

  HostLimiter(int perHost) {
    this.perHost = Math.max(1, perHost);
  }

  /** The hosts no more callouts may go to right now; the claim query skips their callouts. */
  Set<String> saturated() {
    return inFlight.entrySet().stream().filter(entry -> entry.getValue() >= perHost).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  boolean tryAcquire(String host) {
    boolean[] acquired = {false};
    inFlight.compute(host, (key, count) -> {
      int current = count == null ? 0 : count;
      if (current >= perHost) {
        return current;
      }
      acquired[0] = true;
      return current + 1;
    });
    return acquired[0];
  }

  void release(String host) {
    inFlight.computeIfPresent(host, (key, count) -> count <= 1 ? null : count - 1);
  }
}
