package org.quartermaster.catalog.catalogs.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.catalogs.domain.Catalog;
import org.quartermaster.catalog.catalogs.domain.CatalogEvent;
import org.quartermaster.catalog.catalogs.domain.CatalogPatch;
import org.quartermaster.catalog.catalogs.domain.CatalogProfile;
import org.quartermaster.catalog.catalogs.domain.CatalogType;
import org.quartermaster.catalog.catalogs.persistence.CatalogStore;
import org.quartermaster.catalog.events.CatalogEventPublisher;
import org.quartermaster.catalog.packages.persistence.AccessPackageStore;
import org.quartermaster.catalog.resources.domain.ResourceEvent;
import org.quartermaster.catalog.resources.persistence.ResourceStore;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Catalog use cases, each one transaction over the catalog's row and its outgoing events. */
@Service
public class CatalogService {

  private final CatalogStore catalogs;
  private final ResourceStore resources;
  private final AccessPackageStore accessPackages;
  private final CatalogEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public CatalogService(CatalogStore catalogs, ResourceStore resources, AccessPackageStore accessPackages,
      CatalogEventPublisher events, TransactionalOperator transactions, Clock clock) {
    this.catalogs = catalogs;
    this.resources = resources;
    this.accessPackages = accessPackages;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What clients may filter, sort and expand catalogs by, in v1.0 or beta names. */
  public QueryModel queryModel(boolean beta) {
    return beta ? CatalogStore.BETA_QUERY_MODEL : CatalogStore.QUERY_MODEL;
  }

  public Mono<Catalog> create(CatalogProfile profile, CatalogType requestedType, String actor) {
    return Mono.defer(() -> {
      Change<Catalog, CatalogEvent> change = Catalog.create(UUID.randomUUID(), profile, requestedType, now(), actor);
      return transactions.transactional(catalogs.insert(change.state()).then(events.catalogs(change.events())))
          .thenReturn(change.state());
    });
  }

  /**
   * Creates the built-in General catalog unless it exists. Safe to run on every start and on several instances at
   * once: only the insert that wins emits CatalogCreated.
   */
  public Mono<Catalog> ensureGeneral() {
    return catalogs.builtIn().switchIfEmpty(Mono.defer(() -> {
      Change<Catalog, CatalogEvent> change = Catalog.general(UUID.randomUUID(), now());
      return transactions.transactional(catalogs.insertBuiltInOnce(change.state())
          .flatMap(created -> created ? events.catalogs(change.events()).thenReturn(change.state()) : catalogs.builtIn()));
    }));
  }

  public Mono<Catalog> get(UUID id) {
    return catalogs.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  public Mono<Page<Catalog>> list(CollectionQuery query) {
    return catalogs.page(query);
  }

  public Mono<Void> update(UUID id, CatalogPatch patch, String actor) {
    return transactions.transactional(locked(id).flatMap(catalog -> {
      Change<Catalog, CatalogEvent> change = catalog.update(patch, now(), actor);
      return change.changed() ? catalogs.update(change.state()).then(events.catalogs(change.events())) : Mono.empty();
    }));
  }

  /** Removes the catalog's resources first, each with its own event, then the catalog. */
  public Mono<Void> delete(UUID id) {
    return transactions.transactional(locked(id).flatMap(catalog -> accessPackages.inCatalogByName(id)
        .flatMap(packages -> {
          CatalogEvent.Deleted deleted = catalog.delete(packages);
          return resources.inCatalog(id).collectList().flatMap(all -> {
            // No package is left, so nothing grants these resources' roles.
            List<ResourceEvent> removed = all.stream().map(resource -> (ResourceEvent) resource.remove(List.of())).toList();
            return catalogs.delete(id).then(events.resources(removed)).then(events.catalogs(List.of(deleted)));
          });
        })));
  }

  public static GraphException notFound(UUID id) {
    return GraphException.notFound("accessPackageCatalog", id);
  }

  private Mono<Catalog> locked(UUID id) {
    return catalogs.lock(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  /** PostgreSQL keeps microseconds; truncating here makes a created entity equal to the one read back. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
