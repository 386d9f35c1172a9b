package org.quartermaster.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.AbstractReactiveTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** A worker is woken once the work it polls for is committed: not before, not after a rollback, at once outside one. */
class CommitSignalTest {

  final CommitSignal signal = new CommitSignal();
  final List<Boolean> woken = new CopyOnWriteArrayList<>();
  final TransactionalOperator transactions = TransactionalOperator.create(new NoResourceTransactionManager());

  @Test
  void wakesAfterTheCommitNotBefore() {
    try (Listening listening = listen(signal)) {
      transactions.transactional(signal.afterCommit()
              .then(Mono.fromRunnable(() -> assertThat(woken).as("woken before the commit").isEmpty())))
          .block();
      assertThat(woken).hasSize(1);
    }
  }

  @Test
  void staysAsleepAfterARollback() {
    try (Listening listening = listen(signal)) {
      transactions.transactional(signal.afterCommit().then(Mono.error(new IllegalStateException("rolled back"))))
          .onErrorResume(IllegalStateException.class, error -> Mono.empty())
          .block();
      assertThat(woken).isEmpty();
    }
  }

  @Test
  void wakesAtOnceOutsideATransaction() {
    try (Listening listening = listen(signal)) {
      signal.afterCommit().block();
      assertThat(woken).hasSize(1);
    }
  }

  @Test
  void twoSignalsWakeOnlyTheirOwnWorker() {
    CommitSignal other = new CommitSignal();
    List<Boolean> otherWoken = new CopyOnWriteArrayList<>();
    try (Listening mine = listen(signal); Listening theirs = new Listening(other.wakeups().subscribe(otherWoken::add))) {
      transactions.transactional(signal.afterCommit()).block();
      assertThat(woken).hasSize(1);
      assertThat(otherWoken).isEmpty();
    }
  }

  private Listening listen(CommitSignal signal) {
    return new Listening(signal.wakeups().subscribe(woken::add));
  }

  private record Listening(Disposable subscription) implements AutoCloseable {
    @Override
    public void close() {
      subscription.dispose();
    }
  }

  /** Drives Spring's real transaction synchronization without a database: commit and rollback do nothing else. */
  static final class NoResourceTransactionManager extends AbstractReactiveTransactionManager {

    @Override
    protected Object doGetTransaction(TransactionSynchronizationManager synchronizationManager) {
      return new Object();
    }

    @Override
    protected Mono<Void> doBegin(TransactionSynchronizationManager synchronizationManager, Object transaction,
        TransactionDefinition definition) {
      return Mono.empty();
    }

    @Override
    protected Mono<Void> doCommit(TransactionSynchronizationManager synchronizationManager,
        GenericReactiveTransaction status) {
      return Mono.empty();
    }

    @Override
    protected Mono<Void> doRollback(TransactionSynchronizationManager synchronizationManager,
        GenericReactiveTransaction status) {
      return Mono.empty();
    }
  }
}
