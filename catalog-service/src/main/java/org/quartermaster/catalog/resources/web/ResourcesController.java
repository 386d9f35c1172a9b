package org.quartermaster.catalog.resources.web;

import java.net.URI;
import java.util.UUID;
import org.quartermaster.catalog.common.web.Api;
import org.quartermaster.catalog.common.web.EntitlementScopes;
import org.quartermaster.catalog.common.web.GraphNames;
import org.quartermaster.catalog.resources.application.ResourceQueries;
import org.quartermaster.catalog.resources.application.ResourceRequestService;
import org.quartermaster.catalog.resources.domain.ListedRole;
import org.quartermaster.catalog.resources.domain.ListedScope;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.platform.web.GraphCollections;
import org.quartermaster.platform.web.ODataCollection;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource requests and a catalog's resources, roles and scopes, under the v1.0 names ({@code resourceRequests},
 * {@code catalogs/{id}/resources}) and the beta ones ({@code accessPackageResourceRequests},
 * {@code accessPackageCatalogs/{id}/accessPackageResources}).
 */
@RestController
public class ResourcesController {

  static final String V1_CATALOG = Api.V1 + "/catalogs/{catalogId}";
  static final String BETA_CATALOG = Api.BETA + "/accessPackageCatalogs/{catalogId}";
  static final String EM = "identityGovernance/entitlementManagement/";

  private final ResourceRequestService requests;
  private final ResourceQueries queries;
  private final GraphCollections collections;
  private final JsonMapper json;

  public ResourcesController(ResourceRequestService requests, ResourceQueries queries, GraphCollections collections,
      JsonMapper json) {
    this.requests = requests;
    this.queries = queries;
    this.collections = collections;
    this.json = json;
  }

  // ---- resource requests

  @PostMapping(Api.V1 + "/resourceRequests")
  public Mono<ResponseEntity<ResourceRequestView>> request(@RequestBody ResourceRequestBody body, ServerHttpRequest http) {
    return EntitlementScopes.write()
        .flatMap(caller -> requests.submit(body.toCommand(), EntitlementScopes.actor(caller)))
        .map(request -> ResponseEntity.created(URI.create(http.getURI() + "/" + request.id()))
            .body(ResourceRequestView.of(request, true, true)));
  }

  @PostMapping(Api.BETA + "/accessPackageResourceRequests")
  public Mono<ResponseEntity<BetaResourceRequestView>> requestBeta(@RequestBody ResourceRequestBody body,
      ServerHttpRequest http) {
    return EntitlementScopes.write()
        .flatMap(caller -> requests.submit(body.toCommand(), EntitlementScopes.actor(caller)))
        .map(request -> ResponseEntity.created(URI.create(http.getURI() + "/" + request.id()))
            .body(BetaResourceRequestView.of(request, true)));
  }

  @GetMapping(Api.V1 + "/resourceRequests")
  public Mono<ODataCollection<Object>> requests(ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, requests.queryModel(false));
      boolean catalog = GraphNames.expands(query.expand(), "catalog");
      boolean resource = GraphNames.expands(query.expand(), "resource");
      return requests.list(query).map(page -> collections.respond(http, EM + "resourceRequests", query,
          page.map(request -> ResourceRequestView.of(request, catalog, resource)), json));
    }));
  }

  @GetMapping(Api.BETA + "/accessPackageResourceRequests")
  public Mono<ODataCollection<Object>> requestsBeta(ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, requests.queryModel(true));
      boolean resource = GraphNames.expands(query.expand(), "accessPackageResource");
      return requests.list(query).map(page -> collections.respond(http, EM + "accessPackageResourceRequests", query,
          page.map(request -> BetaResourceRequestView.of(request, resource)), json));
    }));
  }

  @GetMapping(Api.V1 + "/resourceRequests/{id}")
  public Mono<ResourceRequestView> request(@PathVariable UUID id) {
    return EntitlementScopes.read().then(requests.get(id)).map(request -> ResourceRequestView.of(request, true, true));
  }

  @GetMapping(Api.BETA + "/accessPackageResourceRequests/{id}")
  public Mono<BetaResourceRequestView> requestBeta(@PathVariable UUID id) {
    return EntitlementScopes.read().then(requests.get(id)).map(request -> BetaResourceRequestView.of(request, true));
  }

  // ---- a catalog's resources, roles and scopes

  @GetMapping(V1_CATALOG + "/resources")
  public Mono<ODataCollection<Object>> resources(@PathVariable UUID catalogId, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.resourceModel(false));
      return queries.resources(catalogId, query).map(page -> collections.respond(http,
          EM + "catalogs('" + catalogId + "')/resources", query,
          page.map(resource -> ResourceView.of(resource, query.expand())), json));
    }));
  }

  @GetMapping(BETA_CATALOG + "/accessPackageResources")
  public Mono<ODataCollection<Object>> resourcesBeta(@PathVariable UUID catalogId, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.resourceModel(true));
      return queries.resources(catalogId, query).map(page -> collections.respond(http,
          EM + "accessPackageCatalogs('" + catalogId + "')/accessPackageResources", query,
          page.map(resource -> BetaResourceView.of(resource, query.expand())), json));
    }));
  }

  @GetMapping(V1_CATALOG + "/resourceRoles")
  public Mono<ODataCollection<Object>> roles(@PathVariable UUID catalogId, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.roleModel(false));
      boolean resource = GraphNames.expands(query.expand(), "resource");
      return queries.roles(catalogId, query).map(page -> collections.respond(http,
          EM + "catalogs('" + catalogId + "')/resourceRoles", query,
          page.map((ListedRole listed) -> RoleView.of(listed.role(), resource ? ResourceView.of(listed.resource()) : null)),
          json));
    }));
  }

  @GetMapping(BETA_CATALOG + "/accessPackageResourceRoles")
  public Mono<ODataCollection<Object>> rolesBeta(@PathVariable UUID catalogId, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.roleModel(true));
      boolean resource = GraphNames.expands(query.expand(), "accessPackageResource");
      return queries.roles(catalogId, query).map(page -> collections.respond(http,
          EM + "accessPackageCatalogs('" + catalogId + "')/accessPackageResourceRoles", query,
          page.map((ListedRole listed) -> BetaRoleView.of(listed.role(),
              resource ? BetaResourceView.of(listed.resource()) : null)), json));
    }));
  }

  @GetMapping(V1_CATALOG + "/resourceScopes")
  public Mono<ODataCollection<Object>> scopes(@PathVariable UUID catalogId, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.scopeModel(false));
      boolean resource = GraphNames.expands(query.expand(), "resource");
      return queries.scopes(catalogId, query).map(page -> collections.respond(http,
          EM + "catalogs('" + catalogId + "')/resourceScopes", query,
          page.map((ListedScope listed) -> ScopeView.of(listed.scope(), resource ? ResourceView.of(listed.resource()) : null)),
          json));
    }));
  }

  @GetMapping(BETA_CATALOG + "/accessPackageResourceScopes")
  public Mono<ODataCollection<Object>> scopesBeta(@PathVariable UUID catalogId, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.scopeModel(true));
      boolean resource = GraphNames.expands(query.expand(), "accessPackageResource");
      return queries.scopes(catalogId, query).map(page -> collections.respond(http,
          EM + "accessPackageCatalogs('" + catalogId + "')/accessPackageResourceScopes", query,
          page.map((ListedScope listed) -> BetaScopeView.of(listed.scope(),
              resource ? BetaResourceView.of(listed.resource()) : null)), json));
    }));
  }
}
