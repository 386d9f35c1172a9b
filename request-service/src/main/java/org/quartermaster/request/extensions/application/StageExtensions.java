package org.quartermaster.request.extensions.application;

import java.util.List;
import java.util.UUID;
import org.quartermaster.request.extensions.domain.CustomExtension;
import org.quartermaster.request.extensions.domain.ExtensionStage;
import org.quartermaster.request.extensions.persistence.CustomExtensionStore;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.quartermaster.request.policies.persistence.PolicyStore;
import org.quartermaster.request.requests.application.ReadModelWait;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The extensions a policy binds at a stage, as the read models know them at that moment, which is what
 * extension-gateway goes by when it decides whom to call. policy-service binds only extensions that exist, so one the
 * read model does not know yet is usually a few milliseconds behind: it is looked for again for the read-model wait,
 * then left out (the gateway, whose read models may lag as well, may not call it either; the safety deadline covers
 * the opposite case).
 */
@Component
public class StageExtensions {

  private final PolicyStore policies;
  private final CustomExtensionStore extensions;
  private final ReadModelWait wait;

  public StageExtensions(PolicyStore policies, CustomExtensionStore extensions, ReadModelWait wait) {
    this.policies = policies;
    this.extensions = extensions;
    this.wait = wait;
  }

  /** In the policy's order. */
  public Mono<List<CustomExtension>> bound(AssignmentPolicy policy, ExtensionStage stage) {
    List<UUID> ids = policy.extensionsAt(stage.graphName());
    if (ids.isEmpty()) {
      return Mono.just(List.of());
    }
    Mono<List<CustomExtension>> all = wait.await(() -> extensions.findAll(ids).collectList()
        .filter(found -> found.size() == ids.size()));
    return all.switchIfEmpty(Mono.defer(() -> extensions.findAll(ids).collectList())).map(found -> ids.stream()
        .flatMap(id -> found.stream().filter(extension -> extension.id().equals(id)))
        .toList());
  }

  /** None when the request names no policy or the policy is gone. */
  public Mono<List<CustomExtension>> bound(UUID policyId, ExtensionStage stage) {
    if (policyId == null) {
      return Mono.just(List.of());
    }
    return policies.find(policyId).flatMap(policy -> bound(policy, stage)).defaultIfEmpty(List.of());
  }
}
