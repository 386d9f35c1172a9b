package org.quartermaster.request.separation.application;

import java.util.Optional;
import org.quartermaster.request.requests.domain.AssignmentRequest;
import org.quartermaster.request.requests.domain.RequestType;
import org.quartermaster.request.separation.domain.Incompatibility;
import org.quartermaster.request.separation.domain.SeparationOfDuties;
import org.quartermaster.request.separation.persistence.SeparationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The last separation-of-duties check before a request is handed to provisioning. It runs inside the transaction that
 * requests delivery and serialises on the target, so two requests for one person cannot both pass it.
 *
 * <p>The submission check reads the same facts without the lock and refuses most conflicts early; this one closes the
 * race between two submissions (or an approval and a submission) that were both checked before either was stored.
 * The lock is transaction-scoped: it is held until the caller's transaction has stored the request and committed, and
 * the next request for the target, whose statements start after that commit, sees it (READ COMMITTED).
 */
@Component
public class DeliveryGate {

  private final SeparationStore separation;
  private final SeparationFactsLoader facts;

  public DeliveryGate(SeparationStore separation, SeparationFactsLoader facts) {
    this.separation = separation;
    this.facts = facts;
  }

  /**
   * Must be subscribed inside the caller's transaction (a {@code TransactionalOperator} chain), before the request's
   * new state is written.
   *
   * @return why the request may not be delivered, naming the conflicting package or group; empty when it may
   */
  public Mono<Optional<String>> recheck(AssignmentRequest request) {
    if (request.type().kind() != RequestType.Kind.ADD) {
      return Mono.just(Optional.empty());
    }
    return separation.lockTarget(request.targetId())
        .then(Mono.defer(() -> facts.load(request.targetId(), request.accessPackageId(), Optional.of(request.id()))))
        .map(found -> SeparationOfDuties.firstConflict(found).map(Incompatibility::reason));
  }
}
