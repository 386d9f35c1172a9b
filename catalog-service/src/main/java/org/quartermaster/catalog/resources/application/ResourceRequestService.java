package org.quartermaster.catalog.resources.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.catalog.catalogs.application.CatalogService;
import org.quartermaster.catalog.catalogs.persistence.CatalogStore;
import org.quartermaster.catalog.directory.application.DirectoryGroups;
import org.quartermaster.catalog.events.CatalogEventPublisher;
import org.quartermaster.catalog.packages.persistence.RoleScopeStore;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.catalog.resources.domain.DirectoryGroupOrigin;
import org.quartermaster.catalog.resources.domain.OriginSystem;
import org.quartermaster.catalog.resources.domain.ResourceEvent;
import org.quartermaster.catalog.resources.domain.ResourceRequest;
import org.quartermaster.catalog.resources.domain.ResourceRequestType;
import org.quartermaster.catalog.resources.persistence.ResourceRequestStore;
import org.quartermaster.catalog.resources.persistence.ResourceStore;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Carries out resource requests. A request for a directory group is delivered at once, in the transaction that
 * records it, so its answer already says "delivered".
 */
@Service
public class ResourceRequestService {

  private final CatalogStore catalogs;
  private final ResourceStore resources;
  private final ResourceRequestStore requests;
  private final RoleScopeStore roleScopes;
  private final DirectoryGroups directory;
  private final CatalogEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public ResourceRequestService(CatalogStore catalogs, ResourceStore resources, ResourceRequestStore requests,
      RoleScopeStore roleScopes, DirectoryGroups directory, CatalogEventPublisher events, TransactionalOperator transactions,
      Clock clock) {
    this.catalogs = catalogs;
    this.resources = resources;
    this.requests = requests;
    this.roleScopes = roleScopes;
    this.directory = directory;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  public QueryModel queryModel(boolean beta) {
    return beta ? ResourceRequestStore.BETA_QUERY_MODEL : ResourceRequestStore.QUERY_MODEL;
  }

  public Mono<Page<ResourceRequest>> list(CollectionQuery query) {
    return requests.page(query);
  }

  public Mono<ResourceRequest> get(UUID id) {
    return requests.find(id).switchIfEmpty(Mono.error(() -> GraphException.notFound("accessPackageResourceRequest", id)));
  }

  public Mono<ResourceRequest> submit(ResourceRequestCommand command, String actor) {
    return Mono.defer(() -> {
      ResourceRequestType type = ResourceRequestType.parse(command.requestType());
      if (command.catalogId() == null) {
        throw new RuleViolation("catalog", "The request must name its catalog ('catalog': {'id': ...} or 'catalogId').");
      }
      return type == ResourceRequestType.ADMIN_ADD ? add(command, actor) : remove(command, type, actor);
    });
  }

  private Mono<ResourceRequest> add(ResourceRequestCommand command, String actor) {
    OriginSystem system = OriginSystem.parse(command.originSystem()).requireSupported();
    UUID groupId = groupId(command.originId(), system);
    // Look before waiting: an unknown catalog should not cost the client the directory wait.
    return catalogs.find(command.catalogId()).switchIfEmpty(Mono.error(() -> CatalogService.notFound(command.catalogId())))
        .then(directory.await(groupId))
        .switchIfEmpty(Mono.error(() -> new GraphException(HttpStatus.NOT_FOUND, "itemNotFound",
            "Group '" + command.originId().trim() + "' (originId, originSystem 'AadGroup') does not exist in the directory.")))
        .flatMap(group -> transactions.transactional(lockedCatalog(command.catalogId())
            .then(resources.findByOrigin(command.catalogId(), system, groupId.toString()).map(Optional::of)
                .defaultIfEmpty(Optional.empty()))
            .flatMap(existing -> addGroup(command, group, existing, actor))));
  }

  private Mono<ResourceRequest> addGroup(ResourceRequestCommand command, DirectoryGroupOrigin group,
      Optional<CatalogResource> existing, String actor) {
    Instant now = now();
    Change<CatalogResource, ResourceEvent> change = CatalogResource.addGroup(command.catalogId(), group, existing, now, actor,
        UUID::randomUUID);
    ResourceRequest request = ResourceRequest.delivered(UUID.randomUUID(), ResourceRequestType.ADMIN_ADD, change.state(),
        command.justification(), now, actor);
    return resources.insert(change.state())
        .then(events.resources(change.events()))
        .then(requests.insert(request))
        .thenReturn(request);
  }

  private Mono<ResourceRequest> remove(ResourceRequestCommand command, ResourceRequestType type, String actor) {
    return transactions.transactional(lockedCatalog(command.catalogId())
        .then(resourceToRemove(command))
        .flatMap(found -> resources.lock(found.id()))
        .flatMap(resource -> roleScopes.packagesUsing(resource.id()).flatMap(users -> {
          ResourceEvent.Removed removed = resource.remove(users);
          ResourceRequest request = ResourceRequest.delivered(UUID.randomUUID(), type, resource, command.justification(), now(),
              actor);
          return resources.delete(resource.id())
              .then(events.resources(List.of(removed)))
              .then(requests.insert(request))
              .thenReturn(request);
        })));
  }

  private Mono<CatalogResource> resourceToRemove(ResourceRequestCommand command) {
    if (command.resourceId() != null) {
      return resources.find(command.resourceId())
          .filter(resource -> resource.catalogId().equals(command.catalogId()))
          .switchIfEmpty(Mono.error(() -> new GraphException(HttpStatus.NOT_FOUND, "itemNotFound",
              "Resource '" + command.resourceId() + "' is not in catalog '" + command.catalogId() + "'.")));
    }
    OriginSystem system = OriginSystem.parse(command.originSystem());
    if (command.originId() == null || command.originId().isBlank()) {
      throw new RuleViolation("originId", "Property 'originId' of the resource is required.");
    }
    return resources.findByOrigin(command.catalogId(), system, command.originId())
        .switchIfEmpty(Mono.error(() -> new GraphException(HttpStatus.NOT_FOUND, "itemNotFound",
            "No resource with originId '" + command.originId().trim() + "' (originSystem '" + system.graphName()
                + "') is in catalog '" + command.catalogId() + "'.")));
  }

  private Mono<Void> lockedCatalog(UUID catalogId) {
    return catalogs.lock(catalogId).switchIfEmpty(Mono.error(() -> CatalogService.notFound(catalogId))).then();
  }

  private static UUID groupId(String originId, OriginSystem system) {
    if (originId == null || originId.isBlank()) {
      throw new RuleViolation("originId", "Property 'originId' of the resource is required.");
    }
    try {
      return UUID.fromString(originId.trim());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("originId", "Property 'originId' must be the object id (a GUID) of a directory group for "
          + "originSystem '" + system.graphName() + "', not '" + originId + "'.");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
