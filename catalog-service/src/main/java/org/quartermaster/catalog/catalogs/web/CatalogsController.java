package org.quartermaster.catalog.catalogs.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.quartermaster.catalog.catalogs.application.CatalogService;
import org.quartermaster.catalog.catalogs.domain.Catalog;
import org.quartermaster.catalog.common.web.Api;
import org.quartermaster.catalog.common.web.EntitlementScopes;
import org.quartermaster.catalog.common.web.GraphNames;
import org.quartermaster.catalog.packages.application.AccessPackageService;
import org.quartermaster.catalog.packages.domain.AccessPackage;
import org.quartermaster.catalog.packages.web.AccessPackageView;
import org.quartermaster.catalog.packages.web.BetaAccessPackageView;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.platform.web.GraphCollections;
import org.quartermaster.platform.web.ODataCollection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalogs under both names: v1.0 {@code /catalogs} and beta {@code /accessPackageCatalogs}. One set of handlers;
 * the version only picks the query names and the response mapping.
 */
@RestController
public class CatalogsController {

  static final String V1 = Api.V1 + "/catalogs";
  static final String BETA = Api.BETA + "/accessPackageCatalogs";

  private final CatalogService catalogs;
  private final AccessPackageService accessPackages;
  private final GraphCollections collections;
  private final JsonMapper json;

  public CatalogsController(CatalogService catalogs, AccessPackageService accessPackages, GraphCollections collections,
      JsonMapper json) {
    this.catalogs = catalogs;
    this.accessPackages = accessPackages;
    this.collections = collections;
    this.json = json;
  }

  @GetMapping(V1)
  public Mono<ODataCollection<Object>> list(ServerHttpRequest http) {
    return list(http, false, "identityGovernance/entitlementManagement/catalogs");
  }

  @GetMapping(BETA)
  public Mono<ODataCollection<Object>> listBeta(ServerHttpRequest http) {
    return list(http, true, "identityGovernance/entitlementManagement/accessPackageCatalogs");
  }

  @PostMapping(V1)
  public Mono<ResponseEntity<CatalogView>> create(@RequestBody CatalogBody body, ServerHttpRequest http) {
    return create(body, http, CatalogView::of);
  }

  @PostMapping(BETA)
  public Mono<ResponseEntity<BetaCatalogView>> createBeta(@RequestBody CatalogBody body, ServerHttpRequest http) {
    return create(body, http, BetaCatalogView::of);
  }

  @GetMapping(V1 + "/{id}")
  public Mono<CatalogView> get(@PathVariable UUID id) {
    return EntitlementScopes.read().then(catalogs.get(id)).map(CatalogView::of);
  }

  @GetMapping(BETA + "/{id}")
  public Mono<BetaCatalogView> getBeta(@PathVariable UUID id) {
    return EntitlementScopes.read().then(catalogs.get(id)).map(BetaCatalogView::of);
  }

  @PatchMapping({V1 + "/{id}", BETA + "/{id}"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> update(@PathVariable UUID id, @RequestBody CatalogBody body) {
    return EntitlementScopes.write()
        .flatMap(caller -> catalogs.update(id, body.toPatch(), EntitlementScopes.actor(caller)));
  }

  @DeleteMapping({V1 + "/{id}", BETA + "/{id}"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> delete(@PathVariable UUID id) {
    return EntitlementScopes.write().then(catalogs.delete(id));
  }

  private <V> Mono<ResponseEntity<V>> create(CatalogBody body, ServerHttpRequest http, Function<Catalog, V> view) {
    return EntitlementScopes.write()
        .flatMap(caller -> catalogs.create(body.toProfile(), body.type(), EntitlementScopes.actor(caller)))
        .map(catalog -> ResponseEntity.created(URI.create(http.getURI() + "/" + catalog.id())).body(view.apply(catalog)));
  }

  private Mono<ODataCollection<Object>> list(ServerHttpRequest http, boolean beta, String entitySet) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, catalogs.queryModel(beta));
      boolean withPackages = GraphNames.expands(query.expand(), "accessPackages");
      return catalogs.list(query).flatMap(page -> withPackages
              ? accessPackages.ofCatalogs(page.items().stream().map(Catalog::id).toList())
                  .map(byCatalog -> page.map(catalog -> view(catalog, byCatalog, beta)))
              : Mono.just(page.map(catalog -> beta ? (Object) BetaCatalogView.of(catalog) : CatalogView.of(catalog))))
          .map(page -> collections.respond(http, entitySet, query, page, json));
    }));
  }

  private static Object view(Catalog catalog, Map<UUID, List<AccessPackage>> byCatalog, boolean beta) {
    List<AccessPackage> packages = byCatalog.getOrDefault(catalog.id(), List.of());
    return beta
        ? BetaCatalogView.of(catalog, packages.stream().map(BetaAccessPackageView::of).toList())
        : CatalogView.of(catalog, packages.stream().map(AccessPackageView::of).toList());
  }
}
