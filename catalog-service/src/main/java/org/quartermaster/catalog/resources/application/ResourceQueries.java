package org.quartermaster.catalog.resources.application;

import java.util.UUID;
import org.quartermaster.catalog.catalogs.application.CatalogService;
import org.quartermaster.catalog.catalogs.persistence.CatalogStore;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.catalog.resources.domain.ListedRole;
import org.quartermaster.catalog.resources.domain.ListedScope;
import org.quartermaster.catalog.resources.persistence.ResourceStore;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.platform.query.Page;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A catalog's resources, roles and scopes, for listing; an unknown catalog is a 404, not an empty list. */
@Service
public class ResourceQueries {

  private final CatalogStore catalogs;
  private final ResourceStore resources;

  public ResourceQueries(CatalogStore catalogs, ResourceStore resources) {
    this.catalogs = catalogs;
    this.resources = resources;
  }

  public QueryModel resourceModel(boolean beta) {
    return beta ? ResourceStore.BETA_QUERY_MODEL : ResourceStore.QUERY_MODEL;
  }

  public QueryModel roleModel(boolean beta) {
    return beta ? ResourceStore.BETA_ROLE_QUERY_MODEL : ResourceStore.ROLE_QUERY_MODEL;
  }

  public QueryModel scopeModel(boolean beta) {
    return beta ? ResourceStore.BETA_SCOPE_QUERY_MODEL : ResourceStore.SCOPE_QUERY_MODEL;
  }

  public Mono<Page<CatalogResource>> resources(UUID catalogId, CollectionQuery query) {
    return requireCatalog(catalogId).then(resources.page(catalogId, query));
  }

  public Mono<Page<ListedRole>> roles(UUID catalogId, CollectionQuery query) {
    return requireCatalog(catalogId).then(resources.rolePage(catalogId, query));
  }

  public Mono<Page<ListedScope>> scopes(UUID catalogId, CollectionQuery query) {
    return requireCatalog(catalogId).then(resources.scopePage(catalogId, query));
  }

  private Mono<Void> requireCatalog(UUID catalogId) {
    return catalogs.find(catalogId).switchIfEmpty(Mono.error(() -> CatalogService.notFound(catalogId))).then();
  }
}
