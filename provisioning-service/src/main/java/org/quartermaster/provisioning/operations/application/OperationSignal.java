package org.quartermaster.provisioning.operations.application;

import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Wakes the operation worker when a transaction that queued operations commits, so a grant starts within
 * milliseconds instead of at the next poll. Best effort: the poll remains the guarantee.
 */
@Component
public class OperationSignal {

  private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();

  public Flux<Boolean> wakeups() {
    return wakeups.asFlux();
  }

  public void wake() {
    wakeups.tryEmitNext(Boolean.TRUE);
  }

  /** Wakes the worker once the current transaction commits; at once outside a transaction. */
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
              return Mono.fromRunnable(OperationSignal.this::wake);
            }
          });
          return Mono.<Void>empty();
        })
        .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(this::wake));
  }
}
