package org.quartermaster.extension.callouts.application;

import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Wakes the callout workers when a transaction that queued callouts commits, so a callout leaves within milliseconds
 * instead of at the next poll. Best effort: the poll remains the guarantee.
 */
@Component
public class CalloutSignal {

  private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();

  public Flux<Boolean> wakeups() {
    return wakeups.asFlux();
  }

  public void wake() {
    wakeups.tryEmitNext(Boolean.TRUE);
  }

  /** Wakes the workers once the current transaction commits; at once outside a transaction. */
  public Mono<Void> afterCommit() {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .flatMap(transaction -> {
          if (!transaction.isSynchronizationActive()) {
            wake();
            return Mono.<Void>empty();
          }
          transaction.registerSynchronization(new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
              return Mono.fromRunnable(CalloutSignal.this::wake);
            }
          });
          return Mono.<Void>empty();
        })
        .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(this::wake));
  }
}
