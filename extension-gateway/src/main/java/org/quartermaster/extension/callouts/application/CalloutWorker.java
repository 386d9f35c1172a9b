package org.quartermaster.extension.callouts.application;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.quartermaster.extension.callouts.domain.AttemptFailure;
import org.quartermaster.extension.callouts.domain.Callout;
import org.quartermaster.extension.callouts.domain.CalloutEvent;
import org.quartermaster.extension.callouts.persistence.CalloutStore;
import org.quartermaster.extension.config.ExtensionProperties;
import org.quartermaster.extension.definitions.domain.CustomWorkflowExtension;
import org.quartermaster.extension.definitions.persistence.ExtensionStore;
import org.quartermaster.extension.events.ExtensionEventPublisher;
import org.quartermaster.extension.outbound.domain.OutboundPolicy;
import org.quartermaster.extension.outbound.domain.OutboundRefused;
import org.quartermaster.extension.outbound.domain.WebhookSignature;
import org.quartermaster.extension.outbound.http.TokenClient;
import org.quartermaster.extension.outbound.http.WebhookClient;
import org.quartermaster.platform.domain.Backoff;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.outbox.EventMetadataFactory;
import org.quartermaster.platform.work.CommitSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends queued callouts. Each attempt runs in its own transaction, which claims the callout with
 * {@code FOR UPDATE SKIP LOCKED}, calls the endpoint while holding that lock, and records the outcome (the callout's
 * new state and its event, or the time of the next attempt) before it commits: two workers or instances never send
 * one callout at once. A crash between the call and the commit leaves the callout queued and it is sent again with
 * the same {@code webhook-id}, which receivers use to deduplicate.
 *
 * <p>The workers are independent lanes: one held up by a slow endpoint does not hold up the others, and no more than
 * {@code max-concurrent-per-host} of them work for one endpoint host at once.
 */
@Component
public class CalloutWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CalloutWorker.class);

  private final CalloutStore callouts;
  private final ExtensionStore extensions;
  private final ExtensionEventPublisher events;
  private final WebhookClient webhooks;
  private final TokenClient tokens;
  private final OutboundPolicy outbound;
  private final CommitSignal signal;
  private final TransactionalOperator transactions;
  private final Backoff retries;
  private final Clock clock;
  private final Duration pollInterval;
  private final int workers;
  private final HostLimiter hosts;
  private volatile Disposable lanes;

  public CalloutWorker(CalloutStore callouts, ExtensionStore extensions, ExtensionEventPublisher events,
      WebhookClient webhooks, TokenClient tokens, OutboundPolicy outbound, CommitSignal signal,
      TransactionalOperator transactions, Backoff retries, Clock clock, ExtensionProperties properties) {
    this.callouts = callouts;
    this.extensions = extensions;
    this.events = events;
    this.webhooks = webhooks;
    this.tokens = tokens;
    this.outbound = outbound;
    this.signal = signal;
    this.transactions = transactions;
    this.retries = retries;
    this.clock = clock;
    this.pollInterval = properties.callouts().pollInterval();
    this.workers = Math.max(1, properties.callouts().workers());
    this.hosts = new HostLimiter(properties.outbound().maxConcurrentPerHost());
  }

  @Override
  public void start() {
    List<Disposable> started = new ArrayList<>();
    for (int lane = 0; lane < workers; lane++) {
      started.add(Flux.merge(Flux.interval(Duration.ZERO, pollInterval), signal.wakeups())
          .onBackpressureLatest()
          .concatMap(tick -> drain(), 1)
          .subscribe());
    }
    lanes = Disposables.composite(started);
  }

  /** Sends due callouts until none is left for this lane. */
  private Mono<Void> drain() {
    return runOne().repeat().takeUntil(ran -> !ran).then()
        .onErrorResume(error -> {
          log.warn("Callout round failed; the next poll retries: {}", error.toString());
          return Mono.empty();
        });
  }

  /** Sends the next due callout; false when none was due (or its host filled up meanwhile). */
  Mono<Boolean> runOne() {
    return transactions.transactional(Mono.defer(() -> callouts.claimNextDue(clock.instant(), hosts.saturated()))
            .flatMap(claimed -> {
              if (!hosts.tryAcquire(claimed.endpointHost())) {
                return Mono.just(false);
              }
              return send(claimed)
                  .contextWrite(context -> claimed.correlationId() == null ? context
                      : context.put(EventMetadataFactory.CORRELATION_ID, claimed.correlationId()))
                  .doFinally(signal -> hosts.release(claimed.endpointHost()))
                  .thenReturn(true);
            }))
        .defaultIfEmpty(false);
  }

  private Mono<Void> send(CalloutStore.Claimed claimed) {
    Callout callout = claimed.callout();
    return extensions.find(callout.extensionId()).map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(found -> {
          if (found.isEmpty()) {
            return record(callout.attemptFailed(AttemptFailure.permanent("the extension " + callout.extensionId()
                + " was deleted"), 1, retries, clock.instant()));
          }
          CustomWorkflowExtension extension = found.get();
          return attempt(claimed, extension)
              .flatMap(status -> record(callout.delivered(status, clock.instant(), extension.callbackTimeout())))
              .onErrorResume(AttemptFailed.class, failed -> record(callout.attemptFailed(failed.failure,
                  1 + extension.definition().maximumRetries(), retries, clock.instant())));
        });
  }

  /** One POST: the endpoint's 2xx status, or {@link AttemptFailed} saying whether to try again. */
  private Mono<Integer> attempt(CalloutStore.Claimed claimed, CustomWorkflowExtension extension) {
    String url = extension.definition().endpointUrl();
    if (url == null) {
      return Mono.error(new AttemptFailed(AttemptFailure.permanent("the extension has no endpoint URL: its "
          + "logicAppTriggerEndpointConfiguration names no url")));
    }
    Duration timeout = Duration.ofMillis(extension.definition().timeoutInMilliseconds());
    byte[] body = claimed.payload().getBytes(StandardCharsets.UTF_8);
    Mono<URI> checked = Mono.fromCallable(() -> outbound.check(url)).subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(OutboundRefused.class, refused -> new AttemptFailed(AttemptFailure.refusedByPolicy(refused.getMessage())));
    Mono<String> bearer = extension.definition().clientCredentials() == null ? Mono.just("")
        : tokens.token(extension.definition().clientCredentials())
            .onErrorMap(error -> new AttemptFailed(AttemptFailure.transientError("no token from the extension's token URL: "
                + error.getMessage())));
    return Mono.zip(checked, bearer, extensions.signingSecret(extension.id()))
        .flatMap(parts -> {
          String messageId = claimed.callout().id().toString();
          long timestamp = clock.instant().getEpochSecond();
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("webhook-id", messageId);
          headers.put("webhook-timestamp", Long.toString(timestamp));
          headers.put("webhook-signature", WebhookSignature.sign(parts.getT3(), messageId, timestamp, body));
          if (!parts.getT2().isEmpty()) {
            headers.put("Authorization", "Bearer " + parts.getT2());
          }
          return webhooks.post(parts.getT1(), headers, body, timeout)
              .onErrorMap(error -> !(error instanceof AttemptFailed), error -> new AttemptFailed(
                  AttemptFailure.transientError(error instanceof TimeoutException || error.getClass().getSimpleName()
                      .contains("Timeout") ? "no answer within " + timeout.toMillis() + " ms" : describe(error))));
        })
        .flatMap(status -> status >= 200 && status < 300 ? Mono.just(status)
            : Mono.error(new AttemptFailed(AttemptFailure.ofStatus(status))));
  }

  private Mono<Void> record(Change<Callout, CalloutEvent> change) {
    Callout callout = change.state();
    Instant now = clock.instant();
    if (change.events().isEmpty()) {
      log.info("Callout {} attempt {} failed, next at {}: {}", callout.id(), callout.attempts(), callout.nextAttemptAt(),
          callout.detail());
    } else {
      log.info("Callout {} of extension {}: {}{}", callout.id(), callout.extensionId(), callout.status().graphName(),
          callout.detail() == null ? "" : " (" + callout.detail() + ")");
    }
    return callouts.update(callout, now).then(events.publishCallouts(change.events()));
  }

  private static String describe(Throwable error) {
    String message = error.getMessage();
    return "the call failed: " + (message == null ? error.getClass().getSimpleName() : message);
  }

  /** Carries an attempt's failure through the reactive chain to {@link #send}. */
  private static final class AttemptFailed extends RuntimeException {
    private final transient AttemptFailure failure;

    AttemptFailed(AttemptFailure failure) {
      super(failure.reason(), null, false, false);
      this.failure = failure;
    }
  }

  @Override
  public void stop() {
    Disposable running = lanes;
    if (running != null) {
      running.dispose();
    }
    lanes = null;
  }

  @Override
  public boolean isRunning() {
    return lanes != null;
  }

  /** Starts after the database and stops before it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 300;
  }
}
