package org.quartermaster.catalog.packages.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.quartermaster.catalog.common.web.Api;
import org.quartermaster.catalog.common.web.EntitlementScopes;
import org.quartermaster.catalog.common.web.GraphNames;
import org.quartermaster.catalog.common.web.ODataReference;
import org.quartermaster.catalog.packages.application.AccessPackageService;
import org.quartermaster.catalog.packages.application.ExpandedPackage;
import org.quartermaster.catalog.packages.application.PackageExpansion;
import org.quartermaster.catalog.packages.domain.AccessPackage;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.ExpandItem;
import org.quartermaster.platform.query.Page;
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
 * Access packages, their resource role scopes and incompatibilities, under v1.0 and beta names. The resource role
 * scopes are reachable as {@code resourceRoleScopes} and as {@code accessPackageResourceRoleScopes} in both
 * versions: the v1.0 tutorial posts to the beta name.
 */
@RestController
public class AccessPackagesController {

  static final String V1 = Api.V1 + "/accessPackages";
  static final String BETA = Api.BETA + "/accessPackages";
  static final String EM = "identityGovernance/entitlementManagement/";
  private final AccessPackageService packages;
  private final GraphCollections collections;
  private final JsonMapper json;

  public AccessPackagesController(AccessPackageService packages, GraphCollections collections, JsonMapper json) {
    this.packages = packages;
    this.collections = collections;
    this.json = json;
  }

  // ---- the packages

  @GetMapping({V1, BETA})
  public Mono<ODataCollection<Object>> list(ServerHttpRequest http) {
    return read(http, EM + "accessPackages", query -> packages.list(query));
  }

  @GetMapping({Api.V1 + "/catalogs/{catalogId}/accessPackages", Api.BETA + "/accessPackageCatalogs/{catalogId}/accessPackages"})
  public Mono<ODataCollection<Object>> inCatalog(@PathVariable UUID catalogId, ServerHttpRequest http) {
    String set = beta(http) ? "accessPackageCatalogs('" + catalogId + "')/accessPackages" : "catalogs('" + catalogId + "')/accessPackages";
    return read(http, EM + set, query -> packages.inCatalog(catalogId, query));
  }

  @PostMapping({V1, BETA})
  public Mono<ResponseEntity<Object>> create(@RequestBody AccessPackageBody body, ServerHttpRequest http) {
    return EntitlementScopes.write()
        .flatMap(caller -> packages.create(body.catalogIdOrNull(), body.toProfile(), EntitlementScopes.actor(caller)))
        .map(created -> ResponseEntity.created(URI.create(http.getURI() + "/" + created.id()))
            .body(view(ExpandedPackage.of(created), beta(http))));
  }

  @GetMapping({V1 + "/{id}", BETA + "/{id}"})
  public Mono<Object> get(@PathVariable UUID id, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, packages.queryModel(beta(http)));
      return packages.get(id)
          .flatMap(found -> packages.expand(List.of(found), expansions(query.expand(), beta(http))))
          .map(expanded -> view(expanded.get(0), beta(http)));
    }));
  }

  @PatchMapping({V1 + "/{id}", BETA + "/{id}"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> update(@PathVariable UUID id, @RequestBody AccessPackageBody body) {
    return EntitlementScopes.write().flatMap(caller -> packages.get(id)
        .flatMap(current -> packages.update(id, body.toPatch(current.catalogId()), EntitlementScopes.actor(caller))));
  }

  @DeleteMapping({V1 + "/{id}", BETA + "/{id}"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> delete(@PathVariable UUID id) {
    return EntitlementScopes.write().then(packages.delete(id));
  }

  // ---- resource role scopes

  @GetMapping(value = {
      V1 + "/{id}/resourceRoleScopes", V1 + "/{id}/accessPackageResourceRoleScopes",
      BETA + "/{id}/accessPackageResourceRoleScopes", BETA + "/{id}/resourceRoleScopes"})
  public Mono<ODataCollection<Object>> roleScopes(@PathVariable UUID id, ServerHttpRequest http) {
    boolean beta = beta(http);
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, packages.roleScopeModel(beta));
      String set = EM + "accessPackages('" + id + "')/" + (beta ? "accessPackageResourceRoleScopes" : "resourceRoleScopes");
      return packages.roleScopes(id, query).map(page -> collections.respond(http, set, query,
          page.map(roleScope -> beta ? (Object) BetaRoleScopeView.of(roleScope) : RoleScopeView.of(roleScope)), json));
    }));
  }

  @PostMapping(value = {
      V1 + "/{id}/resourceRoleScopes", V1 + "/{id}/accessPackageResourceRoleScopes",
      BETA + "/{id}/accessPackageResourceRoleScopes", BETA + "/{id}/resourceRoleScopes"})
  public Mono<ResponseEntity<Object>> grant(@PathVariable UUID id, @RequestBody RoleScopeBody body, ServerHttpRequest http) {
    return EntitlementScopes.write()
        .flatMap(caller -> packages.grant(id, body.toCommand(), EntitlementScopes.actor(caller)))
        .map(roleScope -> ResponseEntity.created(URI.create(http.getURI() + "/" + roleScope.id()))
            .body(beta(http) ? (Object) BetaRoleScopeView.of(roleScope) : RoleScopeView.of(roleScope)));
  }

  @GetMapping(value = {
      V1 + "/{id}/resourceRoleScopes/{roleScopeId}", V1 + "/{id}/accessPackageResourceRoleScopes/{roleScopeId}",
      BETA + "/{id}/accessPackageResourceRoleScopes/{roleScopeId}", BETA + "/{id}/resourceRoleScopes/{roleScopeId}"})
  public Mono<Object> roleScope(@PathVariable UUID id, @PathVariable String roleScopeId, ServerHttpRequest http) {
    return EntitlementScopes.read().then(packages.roleScope(id, roleScopeId))
        .map(roleScope -> beta(http) ? (Object) BetaRoleScopeView.of(roleScope) : RoleScopeView.of(roleScope));
  }

  @DeleteMapping(value = {
      V1 + "/{id}/resourceRoleScopes/{roleScopeId}", V1 + "/{id}/accessPackageResourceRoleScopes/{roleScopeId}",
      BETA + "/{id}/accessPackageResourceRoleScopes/{roleScopeId}", BETA + "/{id}/resourceRoleScopes/{roleScopeId}"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> revoke(@PathVariable UUID id, @PathVariable String roleScopeId) {
    return EntitlementScopes.write().then(packages.revoke(id, roleScopeId));
  }

  // ---- incompatibilities (definitions only; enforcement belongs to the request service)

  @GetMapping({V1 + "/{id}/incompatibleAccessPackages", BETA + "/{id}/incompatibleAccessPackages"})
  public Mono<ODataCollection<Object>> incompatiblePackages(@PathVariable UUID id, ServerHttpRequest http) {
    return read(http, EM + "accessPackages('" + id + "')/incompatibleAccessPackages",
        query -> packages.incompatiblePackages(id, query));
  }

  @GetMapping({V1 + "/{id}/accessPackagesIncompatibleWith", BETA + "/{id}/accessPackagesIncompatibleWith"})
  public Mono<ODataCollection<Object>> incompatibleWith(@PathVariable UUID id, ServerHttpRequest http) {
    return read(http, EM + "accessPackages('" + id + "')/accessPackagesIncompatibleWith",
        query -> packages.packagesIncompatibleWith(id, query));
  }

  @PostMapping({V1 + "/{id}/incompatibleAccessPackages/$ref", BETA + "/{id}/incompatibleAccessPackages/$ref"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> declareIncompatible(@PathVariable UUID id, @Valid @RequestBody ODataReference reference) {
    return EntitlementScopes.write().then(Mono.fromCallable(reference::targetId))
        .flatMap(otherId -> packages.declareIncompatible(id, otherId, reference.odataId()));
  }

  @DeleteMapping({V1 + "/{id}/incompatibleAccessPackages/{otherId}/$ref",
      BETA + "/{id}/incompatibleAccessPackages/{otherId}/$ref"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> withdrawIncompatible(@PathVariable UUID id, @PathVariable UUID otherId) {
    return EntitlementScopes.write().then(packages.withdrawIncompatible(id, otherId));
  }

  @GetMapping({V1 + "/{id}/incompatibleGroups", BETA + "/{id}/incompatibleGroups"})
  public Mono<ODataCollection<Object>> incompatibleGroups(@PathVariable UUID id, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, packages.groupModel());
      return packages.incompatibleGroups(id, query).map(page -> collections.respond(http,
          EM + "accessPackages('" + id + "')/incompatibleGroups", query, page.map(GroupView::of), json));
    }));
  }

  @PostMapping({V1 + "/{id}/incompatibleGroups/$ref", BETA + "/{id}/incompatibleGroups/$ref"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> declareIncompatibleGroup(@PathVariable UUID id, @Valid @RequestBody ODataReference reference) {
    return EntitlementScopes.write().then(Mono.fromCallable(reference::targetId))
        .flatMap(groupId -> packages.declareIncompatibleGroup(id, groupId, reference.odataId()));
  }

  @DeleteMapping({V1 + "/{id}/incompatibleGroups/{groupId}/$ref", BETA + "/{id}/incompatibleGroups/{groupId}/$ref"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> withdrawIncompatibleGroup(@PathVariable UUID id, @PathVariable UUID groupId) {
    return EntitlementScopes.write().then(packages.withdrawIncompatibleGroup(id, groupId));
  }

  // ---- mapping

  private Mono<ODataCollection<Object>> read(ServerHttpRequest http, String entitySet,
      Function<CollectionQuery, Mono<Page<AccessPackage>>> fetch) {
    boolean beta = beta(http);
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, packages.queryModel(beta));
      return fetch.apply(query).flatMap(page -> packages.expand(page.items(), expansions(query.expand(), beta))
          .map(expanded -> new Page<Object>(expanded.stream().map(item -> view(item, beta)).toList(), page.hasMore(),
              page.count())))
          .map(page -> collections.respond(http, entitySet, query, page, json));
    }));
  }

  private static Object view(ExpandedPackage expanded, boolean beta) {
    return beta ? BetaAccessPackageView.of(expanded) : AccessPackageView.of(expanded);
  }

  private static boolean beta(ServerHttpRequest http) {
    return http.getPath().pathWithinApplication().value().startsWith("/beta/");
  }

  static Set<PackageExpansion> expansions(List<ExpandItem> expand, boolean beta) {
    Set<PackageExpansion> wanted = EnumSet.noneOf(PackageExpansion.class);
    if (GraphNames.expands(expand, beta ? "accessPackageCatalog" : "catalog")) {
      wanted.add(PackageExpansion.CATALOG);
    }
    if (GraphNames.expands(expand, beta ? "accessPackageResourceRoleScopes" : "resourceRoleScopes")) {
      wanted.add(PackageExpansion.ROLE_SCOPES);
    }
    if (GraphNames.expands(expand, "incompatibleAccessPackages")) {
      wanted.add(PackageExpansion.INCOMPATIBLE_PACKAGES);
    }
    if (GraphNames.expands(expand, "incompatibleGroups")) {
      wanted.add(PackageExpansion.INCOMPATIBLE_GROUPS);
    }
    if (GraphNames.expands(expand, "accessPackagesIncompatibleWith")) {
      wanted.add(PackageExpansion.INCOMPATIBLE_WITH);
    }
    if (GraphNames.expands(expand, beta ? "accessPackageAssignmentPolicies" : "assignmentPolicies")) {
      wanted.add(PackageExpansion.ASSIGNMENT_POLICIES);
    }
    return wanted;
  }
}
