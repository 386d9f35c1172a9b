package org.quartermaster.policy.policies.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.policy.assignments.persistence.AssignmentActivityStore;
import org.quartermaster.policy.events.PolicyEventPublisher;
import org.quartermaster.policy.extensions.application.CustomExtensions;
import org.quartermaster.policy.packages.application.AccessPackages;
import org.quartermaster.policy.packages.persistence.AccessPackageStore;
import org.quartermaster.policy.policies.domain.AccessPackageRef;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.quartermaster.policy.policies.domain.CustomExtensionRef;
import org.quartermaster.policy.policies.domain.CustomExtensionStageSetting;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.PolicyEvent;
import org.quartermaster.policy.policies.persistence.PolicyStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Assignment policy use cases, each one transaction that locks what it changes and appends its events. */
@Service
public class PolicyService {

  private final PolicyStore policies;
  private final AccessPackageStore packageStore;
  private final AccessPackages packages;
  private final CustomExtensions extensions;
  private final AssignmentActivityStore assignments;
  private final PolicyEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public PolicyService(PolicyStore policies, AccessPackageStore packageStore, AccessPackages packages,
      CustomExtensions extensions, AssignmentActivityStore assignments, PolicyEventPublisher events,
      TransactionalOperator transactions, Clock clock) {
    this.policies = policies;
    this.packageStore = packageStore;
    this.packages = packages;
    this.extensions = extensions;
    this.assignments = assignments;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  public QueryModel queryModel(boolean beta) {
    return beta ? PolicyStore.BETA_QUERY_MODEL : PolicyStore.QUERY_MODEL;
  }

  /**
   * The package, and the custom extensions the stage settings name, must be ones the catalog and extension-gateway have
   * told this service about, waiting briefly for just-created ones; the policy is validated in full before anything is
   * written.
   */
  public Mono<AssignmentPolicy> create(NewPolicy command, String actor) {
    return Mono.defer(() -> {
      if (command.accessPackageId() == null) {
        throw new RuleViolation("accessPackage", "The policy must name its access package ('accessPackage': {'id': ...}"
            + " or 'accessPackageId').");
      }
      return packages.await(command.accessPackageId())
          .switchIfEmpty(Mono.error(() -> unknownPackage(command.accessPackageId())))
          .zipWith(boundExtensions(command.definition()))
          .flatMap(facts -> {
            AccessPackageRef accessPackage = facts.getT1();
            Change<AssignmentPolicy, PolicyEvent> change = AssignmentPolicy.create(UUID.randomUUID(), accessPackage,
                command.catalogId(), command.definition(), facts.getT2(), now(), actor, UUID::randomUUID);
            return transactions.transactional(packageStore.share(accessPackage.id())
                .switchIfEmpty(Mono.error(() -> unknownPackage(accessPackage.id())))
                .then(policies.insert(change.state()))
                .then(events.policies(change.events()))
                .thenReturn(change.state()));
          });
    });
  }

  public Mono<AssignmentPolicy> get(UUID id) {
    return policies.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  public Mono<Page<AssignmentPolicy>> list(CollectionQuery query) {
    return policies.page(query, Optional.empty());
  }

  /** Graph's contained navigation accessPackages/{id}/assignmentPolicies. */
  public Mono<Page<AssignmentPolicy>> ofPackage(UUID accessPackageId, CollectionQuery query) {
    return packages.await(accessPackageId)
        .switchIfEmpty(Mono.error(() -> GraphException.notFound("accessPackage", accessPackageId)))
        .then(policies.page(query, PolicyStore.ofPackage(accessPackageId)));
  }

  /**
   * A PUT: the whole definition is replaced, in the transaction that locks the policy. The extensions it names are
   * looked up first, so a wait for a just-created one does not hold the lock.
   */
  public Mono<AssignmentPolicy> replace(UUID id, PolicyReplacement replacement, String actor) {
    return boundExtensions(replacement.definition()).flatMap(known -> transactions.transactional(locked(id)
        .flatMap(policy -> {
          Change<AssignmentPolicy, PolicyEvent> change = policy.replace(replacement.bodyId(),
              replacement.accessPackageId(), replacement.definition(), known, now(), actor, UUID::randomUUID);
          return change.changed()
              ? policies.update(change.state()).then(events.policies(change.events())).thenReturn(change.state())
              : Mono.just(change.state());
        })));
  }

  /**
   * Refused while provisioning reports active assignments under the policy. The read model trails provisioning, so an
   * assignment created in the same instant can slip past; it keeps its policy id and provisioning still serves it.
   */
  public Mono<Void> delete(UUID id) {
    return transactions.transactional(locked(id).flatMap(policy -> assignments.countActive(id)
        .flatMap(active -> {
          PolicyEvent.Deleted deleted = policy.delete(active);
          return policies.delete(id).then(events.policies(List.of(deleted)));
        })));
  }

  /** The catalog deleted a package: its policies go with it. Runs in the consumer's transaction. */
  public Mono<Void> packageDeleted(UUID accessPackageId) {
    return policies.lockAllOf(accessPackageId)
        .concatMap(policy -> policies.delete(policy.id()).then(events.policies(List.of(policy.deleteWithPackage()))))
        .then();
  }

  /**
   * Adds what the client asked to expand: each policy's access package, and the custom extensions its stage settings
   * name ({@code customExtensionStageSettings($expand=customExtension)}).
   */
  public Mono<List<ExpandedPolicy>> expand(List<AssignmentPolicy> page, boolean accessPackage, boolean customExtensions) {
    Mono<Map<UUID, AccessPackageRef>> packagesById = !accessPackage || page.isEmpty() ? Mono.just(Map.of())
        : packageStore.findAll(page.stream().map(AssignmentPolicy::accessPackageId).distinct().toList())
            .collectMap(AccessPackageRef::id, found -> found);
    Mono<Map<UUID, CustomExtensionRef>> extensionsById = !customExtensions || page.isEmpty() ? Mono.just(Map.of())
        : extensions.findAll(page.stream().flatMap(policy -> policy.definition().customExtensionStageSettings().stream())
                .map(CustomExtensionStageSetting::customExtensionId).distinct()
                .flatMap(id -> CustomExtensions.guid(id).stream()).toList())
            .collectMap(CustomExtensionRef::id, found -> found);
    return Mono.zip(packagesById, extensionsById).map(found -> page.stream()
        .map(policy -> new ExpandedPolicy(policy, accessPackage ? found.getT1().get(policy.accessPackageId()) : null,
            customExtensions ? found.getT2() : null))
        .toList());
  }

  public static GraphException notFound(UUID id) {
    return GraphException.notFound("accessPackageAssignmentPolicy", id);
  }

  static GraphException unknownPackage(UUID accessPackageId) {
    return new GraphException(HttpStatus.NOT_FOUND, "itemNotFound", "Access package '" + accessPackageId
        + "' named by the policy's accessPackage does not exist.");
  }

  /** The facts the domain checks stage settings against: the named extensions that exist. */
  private Mono<Map<String, CustomExtensionRef>> boundExtensions(PolicyDefinition definition) {
    return extensions.await(definition.customExtensionStageSettings().stream()
        .map(CustomExtensionStageSetting::customExtensionId).toList());
  }

  private Mono<AssignmentPolicy> locked(UUID id) {
    return policies.lock(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
