package org.quartermaster.provisioning.connectors.application;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartermaster.provisioning.connectors.domain.ConnectorFailure;
import org.quartermaster.provisioning.connectors.domain.ResourceConnector;
import org.quartermaster.provisioning.connectors.domain.RoleAssignmentTarget;
import org.quartermaster.provisioning.operations.domain.PendingOperation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Routes each operation to the connector of its resource's origin system. */
@Component
public class Connectors {

  private final Map<String, ResourceConnector> bySystem;

  public Connectors(List<ResourceConnector> connectors) {
    this.bySystem = connectors.stream().collect(Collectors.toUnmodifiableMap(
        connector -> connector.originSystem().toLowerCase(Locale.ROOT), Function.identity()));
  }

  public Mono<Void> grant(PendingOperation operation) {
    return call(operation, ResourceConnector::grant);
  }

  public Mono<Void> revoke(PendingOperation operation) {
    return call(operation, ResourceConnector::revoke);
  }

  private Mono<Void> call(PendingOperation operation,
      java.util.function.BiFunction<ResourceConnector, RoleAssignmentTarget, CompletionStage<Void>> action) {
    RoleAssignmentTarget target = new RoleAssignmentTarget(operation.targetId(), operation.role().roleOriginId(),
        operation.role().resourceOriginId(), operation.role().resourceOriginSystem());
    ResourceConnector connector = bySystem.get(target.resourceOriginSystem().toLowerCase(Locale.ROOT));
    if (connector == null) {
      return Mono.error(ConnectorFailure.permanent("No connector provisions resources of origin system '"
          + target.resourceOriginSystem() + "'."));
    }
    return Mono.defer(() -> Mono.fromCompletionStage(action.apply(connector, target)))
        .onErrorMap(CompletionException.class, wrapped -> wrapped.getCause() == null ? wrapped : wrapped.getCause())
        // Anything a connector did not classify may pass with time; retrying never loses the grant.
        .onErrorMap(error -> !(error instanceof ConnectorFailure),
            error -> ConnectorFailure.transientFailure(String.valueOf(error.getMessage()), error));
  }
}
