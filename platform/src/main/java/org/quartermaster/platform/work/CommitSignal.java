package org.quartermaster.platform.work;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Wakes a polling worker when a transaction that queued work for it commits, so the work starts within milliseconds
 * instead of at the next poll. Best effort: the poll remains the guarantee, so a lost wake-up only costs latency.
 *
 * <p>Deliberately not a Spring component: each service declares one bean per worker it wakes. Several services can
 * run in one JVM (the devstack), and a shared signal would wake another service's worker for nothing.
 */
public class CommitSignal {

  // Best effort and no buffering: a worker that is busy misses the wake-up and finds the work at its next round.
  private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();

  /** What the worker merges with its poll interval. */
  public Flux<Boolean> wakeups() {
    return wakeups.asFlux();
  }

  public void wake() {
    wakeups.tryEmitNext(Boolean.TRUE);
  }

  /**
   * Wakes the worker once the current transaction commits, never before: woken earlier, the worker would not see the
   * uncommitted work yet. Outside a transaction the work is already visible, so it wakes at once; after a rollback
   * there is nothing to do and it stays asleep.
   */
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
              return Mono.fromRunnable(CommitSignal.this::wake);
            }
          });
          return Mono.<Void>empty();
        })
        .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(this::wake));
  }
}
