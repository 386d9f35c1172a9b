package org.quartermaster.extension.callouts.application;

import java.time.Clock;
import java.util.UUID;
import org.quartermaster.extension.callouts.domain.Callout;
import org.quartermaster.extension.callouts.persistence.CalloutStore;
import org.quartermaster.extension.common.domain.NotAllowed;
import org.quartermaster.extension.common.domain.NotFound;
import org.quartermaster.extension.events.ExtensionEventPublisher;
import org.quartermaster.extension.readmodels.persistence.ReadModelStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The callback side of launch-and-wait: {@code resume} records the callback on its callout and emits
 * ExtensionCallbackReceived; request-service moves the request on from that event.
 */
@Service
public class ResumeService {

  private final CalloutStore callouts;
  private final ReadModelStore readModels;
  private final ExtensionEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public ResumeService(CalloutStore callouts, ReadModelStore readModels, ExtensionEventPublisher events,
      TransactionalOperator transactions, Clock clock) {
    this.callouts = callouts;
    this.readModels = readModels;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The callback's contents. @param state {@code denied}, or null to let the request go on */
  public record Callback(UUID stageInstanceId, String state, String detail, String source) {
  }

  /**
   * Who may resume or read a request's callouts: administrators and apps (decided by the caller's token before this)
   * or the request's requestor and target.
   */
  public Mono<Void> authorize(UUID requestId, UUID caller, boolean privileged) {
    if (privileged) {
      return Mono.empty();
    }
    return readModels.request(requestId)
        .filter(request -> caller.equals(request.requestorId()) || caller.equals(request.targetId()))
        .switchIfEmpty(Mono.error(() -> new NotAllowed("Only the request's requestor or target, an application, or a "
            + "caller with EntitlementManagement.ReadWrite.All may resume assignment request '" + requestId + "'.")))
        .then();
  }

  public Mono<Void> resume(UUID requestId, Callback callback) {
    return transactions.transactional(callouts.lock(callback.stageInstanceId())
        .switchIfEmpty(Mono.error(() -> new NotFound("customExtensionStageInstance", callback.stageInstanceId(),
            "Custom extension stage instance '" + callback.stageInstanceId() + "' does not exist.")))
        .flatMap(callout -> {
          var change = callout.resume(requestId, callback.state(), callback.detail(), callback.source());
          return callouts.update(change.state(), clock.instant()).then(events.publishCallouts(change.events()));
        }));
  }

  public Flux<Callout> ofRequest(UUID requestId) {
    return callouts.ofRequest(requestId);
  }
}
