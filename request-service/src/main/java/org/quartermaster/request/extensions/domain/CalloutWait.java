package org.quartermaster.request.extensions.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A request held at one stage by launch-and-wait extensions: it goes on once every one of them called back, and is
 * denied by the first that denies, fails or times out.
 *
 * <p>extension-gateway times the callback out itself; the deadline here is only a safety net for when it never does
 * (it never called because its read models were late, or it is down): the extension's durationBeforeTimeout after the
 * callout was made, plus {@link #SAFETY_MARGIN} so that the gateway's own timeout normally comes first.
 *
 * @param since when the request started waiting
 * @param awaited the extensions that have not called back yet, in the order the policy binds them
 */
public record CalloutWait(ExtensionStage stage, Instant since, List<Awaited> awaited) {

  /** How much later than the gateway's own callback timeout this service gives up. */
  public static final Duration SAFETY_MARGIN = Duration.ofMinutes(1);
  /**
   * The timeout assumed when an extension does not state one: the longest the gateway allows (P14D), so the safety net
   * never fires before the gateway could.
   */
  public static final Duration LONGEST_TIMEOUT = Duration.ofDays(14);

  public CalloutWait {
    awaited = List.copyOf(awaited);
  }

  /**
   * One extension the request waits for.
   *
   * @param displayName as it was when the wait began, so a reason can name an extension deleted meanwhile
   * @param deadline when this service gives up waiting for it
   */
  public record Awaited(UUID extensionId, String displayName, Duration timeout, Instant deadline) {
  }

  /**
   * The wait for the extensions bound at a stage that hold requests; empty when none does. An extension bound twice is
   * awaited once: the gateway calls it once per stage.
   */
  public static Optional<CalloutWait> of(ExtensionStage stage, List<CustomExtension> bound, Instant now) {
    Map<UUID, Awaited> holding = new LinkedHashMap<>();
    for (CustomExtension extension : bound) {
      if (extension.holdsRequests()) {
        Duration timeout = extension.durationBeforeTimeout() == null ? LONGEST_TIMEOUT : extension.durationBeforeTimeout();
        holding.putIfAbsent(extension.id(), new Awaited(extension.id(), extension.displayName(), timeout,
            now.plus(timeout).plus(SAFETY_MARGIN)));
      }
    }
    return holding.isEmpty() ? Optional.empty() : Optional.of(new CalloutWait(stage, now, List.copyOf(holding.values())));
  }

  /** Whether a callout of this extension at this stage is one the request waits for. */
  public boolean awaits(UUID extensionId, String stageName) {
    return stage.graphName().equals(stageName) && find(extensionId).isPresent();
  }

  public Optional<Awaited> find(UUID extensionId) {
    return awaited.stream().filter(one -> one.extensionId().equals(extensionId)).findFirst();
  }

  /** The extension called back: one fewer to wait for. */
  public CalloutWait without(UUID extensionId) {
    return new CalloutWait(stage, since, awaited.stream().filter(one -> !one.extensionId().equals(extensionId)).toList());
  }

  /**
   * The gateway made the call only now (after retries, or late): its callback timeout runs from now, so the safety net
   * moves with it. It never moves earlier.
   */
  public CalloutWait invoked(UUID extensionId, Instant now) {
    return new CalloutWait(stage, since, awaited.stream().map(one -> {
      Instant later = now.plus(one.timeout()).plus(SAFETY_MARGIN);
      return one.extensionId().equals(extensionId) && later.isAfter(one.deadline())
          ? new Awaited(one.extensionId(), one.displayName(), one.timeout(), later) : one;
    }).toList());
  }

  /** Every extension called back: the request may go on. */
  public boolean satisfied() {
    return awaited.isEmpty();
  }

  /** When the sweeper next needs to look at the request; null once nothing is awaited. */
  public Instant deadline() {
    return awaited.stream().map(Awaited::deadline).min(Comparator.naturalOrder()).orElse(null);
  }

  /** The awaited extension whose deadline passed first, if one did. */
  public Optional<Awaited> overdue(Instant now) {
    return awaited.stream().filter(one -> !one.deadline().isAfter(now)).min(Comparator.comparing(Awaited::deadline));
  }
}
