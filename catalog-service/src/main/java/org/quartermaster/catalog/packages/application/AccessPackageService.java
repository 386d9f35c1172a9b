package org.quartermaster.catalog.packages.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.quartermaster.catalog.catalogs.application.CatalogService;
import org.quartermaster.catalog.catalogs.domain.Catalog;
import org.quartermaster.catalog.catalogs.persistence.CatalogStore;
import org.quartermaster.catalog.directory.application.DirectoryGroups;
import org.quartermaster.catalog.directory.persistence.DirectoryGroupStore;
import org.quartermaster.catalog.events.CatalogEventPublisher;
import org.quartermaster.catalog.holders.domain.PackagePolicy;
import org.quartermaster.catalog.holders.persistence.PackageHolderStore;
import org.quartermaster.catalog.packages.domain.AccessPackage;
import org.quartermaster.catalog.packages.domain.PackageEvent;
import org.quartermaster.catalog.packages.domain.PackagePatch;
import org.quartermaster.catalog.packages.domain.PackageProfile;
import org.quartermaster.catalog.packages.domain.RoleScope;
import org.quartermaster.catalog.packages.domain.RoleScopeId;
import org.quartermaster.catalog.packages.persistence.AccessPackageStore;
import org.quartermaster.catalog.packages.persistence.IncompatibilityStore;
import org.quartermaster.catalog.packages.persistence.RoleScopeStore;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.catalog.resources.domain.DirectoryGroupOrigin;
import org.quartermaster.catalog.resources.domain.OriginSystem;
import org.quartermaster.catalog.resources.domain.ResourceRole;
import org.quartermaster.catalog.resources.domain.ResourceScope;
import org.quartermaster.catalog.resources.persistence.ResourceStore;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.ODataQueryParser;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Access package use cases, each one transaction that locks the package's row and appends its events. */
@Service
public class AccessPackageService {

  /** Expanded navigations are listed whole, up to Graph's largest page. */
  private static final CollectionQuery ALL = ODataQueryParser.parse(Map.of("$top", "999"),
      AccessPackageStore.QUERY_MODEL, 999);
  private static final CollectionQuery ALL_GROUPS = ODataQueryParser.parse(Map.of("$top", "999"),
      DirectoryGroupStore.QUERY_MODEL, 999);

  private final AccessPackageStore packages;
  private final RoleScopeStore roleScopes;
  private final IncompatibilityStore incompatibilities;
  private final CatalogStore catalogs;
  private final ResourceStore resources;
  private final DirectoryGroupStore directoryGroups;
  private final DirectoryGroups directory;
  private final PackageHolderStore holders;
  private final CatalogEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public AccessPackageService(AccessPackageStore packages, RoleScopeStore roleScopes, IncompatibilityStore incompatibilities,
      CatalogStore catalogs, ResourceStore resources, DirectoryGroupStore directoryGroups, DirectoryGroups directory,
      PackageHolderStore holders, CatalogEventPublisher events, TransactionalOperator transactions, Clock clock) {
    this.packages = packages;
    this.roleScopes = roleScopes;
    this.incompatibilities = incompatibilities;
    this.catalogs = catalogs;
    this.resources = resources;
    this.directoryGroups = directoryGroups;
    this.directory = directory;
    this.holders = holders;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  public QueryModel queryModel(boolean beta) {
    return beta ? AccessPackageStore.BETA_QUERY_MODEL : AccessPackageStore.QUERY_MODEL;
  }

  public QueryModel roleScopeModel(boolean beta) {
    return beta ? RoleScopeStore.BETA_QUERY_MODEL : RoleScopeStore.QUERY_MODEL;
  }

  public QueryModel groupModel() {
    return DirectoryGroupStore.QUERY_MODEL;
  }

  // ---- the packages themselves

  public Mono<AccessPackage> create(UUID catalogId, PackageProfile profile, String actor) {
    return Mono.defer(() -> {
      if (catalogId == null) {
        throw new RuleViolation("catalog", "The access package must name its catalog ('catalog': {'id': ...} or 'catalogId').");
      }
      Change<AccessPackage, PackageEvent> change = AccessPackage.create(UUID.randomUUID(), catalogId, profile, now(), actor);
      // FOR SHARE: the catalog cannot be deleted under a package being created in it.
      return transactions.transactional(catalogs.share(catalogId)
          .switchIfEmpty(Mono.error(() -> CatalogService.notFound(catalogId)))
          .then(packages.insert(change.state()))
          .then(events.packages(change.events()))
          .thenReturn(change.state()));
    });
  }

  public Mono<AccessPackage> get(UUID id) {
    return packages.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  public Mono<Page<AccessPackage>> list(CollectionQuery query) {
    return packages.page(query, Optional.empty());
  }

  public Mono<Page<AccessPackage>> inCatalog(UUID catalogId, CollectionQuery query) {
    return catalogs.find(catalogId).switchIfEmpty(Mono.error(() -> CatalogService.notFound(catalogId)))
        .then(packages.page(query, AccessPackageStore.inCatalog(catalogId)));
  }

  /** The packages of each catalog, for {@code $expand=accessPackages} on catalogs. */
  public Mono<Map<UUID, List<AccessPackage>>> ofCatalogs(Collection<UUID> catalogIds) {
    return Flux.fromIterable(catalogIds)
        .concatMap(catalogId -> packages.page(ALL, AccessPackageStore.inCatalog(catalogId))
            .map(page -> Map.entry(catalogId, page.items())))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  public Mono<Void> update(UUID id, PackagePatch patch, String actor) {
    return transactions.transactional(locked(id).flatMap(accessPackage -> {
      Change<AccessPackage, PackageEvent> change = accessPackage.update(patch, now(), actor);
      return change.changed() ? packages.update(change.state()).then(events.packages(change.events())) : Mono.empty();
    }));
  }

  /**
   * Withdraws the package's role scopes and incompatibilities, and other packages' incompatibilities with it, each
   * as an event, then deletes it, unless policies or active assignments (known from their owners' events) hold it.
   */
  public Mono<Void> delete(UUID id) {
    // Every package whose events this emits is locked, all in id order, so two deletes cannot deadlock.
    return transactions.transactional(get(id).then(incompatibilities.packagesDeclaring(id))
        .flatMap(declaring -> {
          List<UUID> involved = new ArrayList<>(declaring);
          involved.add(id);
          return Flux.fromIterable(sorted(new HashSet<>(involved))).concatMap(packages::lock).collectList()
              .flatMap(locked -> Mono.justOrEmpty(locked.stream().filter(one -> one.id().equals(id)).findFirst()));
        })
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .flatMap(accessPackage -> Mono.zip(
                roleScopes.of(List.of(id)).map(byPackage -> byPackage.getOrDefault(id, List.of())),
                incompatibilities.packagesDeclaredBy(id),
                incompatibilities.groupsDeclaredBy(id),
                incompatibilities.packagesDeclaring(id),
                Mono.zip(holders.policiesOf(id), holders.activeAssignmentsOf(id),
                    (policies, assignments) -> new AccessPackage.Holders(policies, assignments)))
            .flatMap(related -> {
              List<PackageEvent> all = accessPackage.delete(related.getT5(), related.getT1(), related.getT2(),
                  related.getT3(), related.getT4());
              return packages.delete(id).then(events.packages(all));
            })));
  }

  public Mono<List<ExpandedPackage>> expand(List<AccessPackage> page, Set<PackageExpansion> expansions) {
    List<ExpandedPackage> bare = page.stream().map(ExpandedPackage::of).toList();
    if (expansions.isEmpty() || page.isEmpty()) {
      return Mono.just(bare);
    }
    List<UUID> ids = page.stream().map(AccessPackage::id).toList();
    Mono<Map<UUID, Catalog>> catalogsById = expansions.contains(PackageExpansion.CATALOG)
        ? catalogs.findAll(page.stream().map(AccessPackage::catalogId).distinct().toList())
            .collectMap(Catalog::id, catalog -> catalog)
        : Mono.just(Map.of());
    Mono<Map<UUID, List<RoleScope>>> grants = expansions.contains(PackageExpansion.ROLE_SCOPES)
        ? roleScopes.of(ids) : Mono.just(Map.of());
    // policy-service owns the policies; the catalog lists what its events have told it so far.
    Mono<Map<UUID, List<PackagePolicy>>> policies = expansions.contains(PackageExpansion.ASSIGNMENT_POLICIES)
        ? holders.policiesByPackage(ids) : Mono.just(Map.of());
    return Mono.zip(catalogsById, grants, policies).flatMap(loaded -> Flux.fromIterable(page).concatMap(accessPackage -> {
      UUID id = accessPackage.id();
      Mono<Optional<List<AccessPackage>>> incompatible = optional(expansions, PackageExpansion.INCOMPATIBLE_PACKAGES,
          () -> allPackages(AccessPackageStore.declaredIncompatibleBy(id)));
      Mono<Optional<List<DirectoryGroupOrigin>>> groups = optional(expansions, PackageExpansion.INCOMPATIBLE_GROUPS,
          () -> directoryGroups.page(ALL_GROUPS, incompatibleGroupsOf(id)).map(Page::items));
      Mono<Optional<List<AccessPackage>>> incompatibleWith = optional(expansions, PackageExpansion.INCOMPATIBLE_WITH,
          () -> allPackages(AccessPackageStore.declaringIncompatible(id)));
      return Mono.zip(incompatible, groups, incompatibleWith).map(lists -> new ExpandedPackage(accessPackage,
          expansions.contains(PackageExpansion.CATALOG) ? loaded.getT1().get(accessPackage.catalogId()) : null,
          expansions.contains(PackageExpansion.ROLE_SCOPES) ? loaded.getT2().getOrDefault(id, List.of()) : null,
          lists.getT1().orElse(null), lists.getT2().orElse(null), lists.getT3().orElse(null),
          expansions.contains(PackageExpansion.ASSIGNMENT_POLICIES) ? loaded.getT3().getOrDefault(id, List.of()) : null));
    }).collectList());
  }

  // ---- resource role scopes

  public Mono<Page<RoleScope>> roleScopes(UUID id, CollectionQuery query) {
    return get(id).then(roleScopes.page(id, query));
  }

  public Mono<RoleScope> roleScope(UUID id, String roleScopeId) {
    return Mono.defer(() -> {
      RoleScopeId parsed = RoleScopeId.parse(roleScopeId);
      return get(id).then(roleScopes.find(id, parsed))
          .switchIfEmpty(Mono.error(() -> GraphException.notFound("accessPackageResourceRoleScope", roleScopeId)));
    });
  }

  /** Grants a role of a resource in the package's catalog, at the given scope or the resource's root scope. */
  public Mono<RoleScope> grant(UUID id, RoleScopeCommand command, String actor) {
    return transactions.transactional(locked(id).flatMap(accessPackage -> resourceOf(accessPackage, command.role())
        .flatMap(found -> resources.share(found.id()))
        .flatMap(resource -> {
          ResourceRole role = roleOf(resource, command.role());
          ResourceScope scope = scopeOf(resource, command.scope());
          return roleScopes.grantsRole(id, role.id()).flatMap(granted -> {
            Change<RoleScope, PackageEvent> change = accessPackage.grant(resource, role, scope, granted, now(), actor);
            return roleScopes.insert(change.state()).then(events.packages(change.events())).thenReturn(change.state());
          });
        })));
  }

  public Mono<Void> revoke(UUID id, String roleScopeId) {
    return Mono.defer(() -> {
      RoleScopeId parsed = RoleScopeId.parse(roleScopeId);
      return transactions.transactional(locked(id).flatMap(accessPackage -> roleScopes.find(id, parsed)
          .switchIfEmpty(Mono.error(() -> GraphException.notFound("accessPackageResourceRoleScope", roleScopeId)))
          .flatMap(roleScope -> roleScopes.delete(roleScope).then(events.packages(List.of(accessPackage.revoke(roleScope)))))));
    });
  }

  // ---- incompatibilities

  public Mono<Page<AccessPackage>> incompatiblePackages(UUID id, CollectionQuery query) {
    return get(id).then(packages.page(query, AccessPackageStore.declaredIncompatibleBy(id)));
  }

  public Mono<Page<AccessPackage>> packagesIncompatibleWith(UUID id, CollectionQuery query) {
    return get(id).then(packages.page(query, AccessPackageStore.declaringIncompatible(id)));
  }

  public Mono<Page<DirectoryGroupOrigin>> incompatibleGroups(UUID id, CollectionQuery query) {
    return get(id).then(directoryGroups.page(query, incompatibleGroupsOf(id)));
  }

  public Mono<Void> declareIncompatible(UUID id, UUID otherId, String reference) {
    // Both rows are locked in id order: the new row holds a key lock on the other package, which a concurrent
    // delete of that package also wants.
    return transactions.transactional(Flux.fromIterable(sorted(new HashSet<>(List.of(id, otherId))))
        .concatMap(packages::lock).collectMap(AccessPackage::id)
        .flatMap(locked -> {
          AccessPackage accessPackage = locked.get(id);
          AccessPackage other = locked.get(otherId);
          if (accessPackage == null) {
            return Mono.error(notFound(id));
          }
          if (other == null) {
            return Mono.error(new GraphException(HttpStatus.NOT_FOUND, "itemNotFound",
                "Access package '" + otherId + "' referenced by @odata.id '" + reference + "' does not exist."));
          }
          return incompatibilities.packagesDeclaredBy(id).flatMap(declared ->
              Mono.justOrEmpty(accessPackage.declareIncompatible(other, declared.contains(otherId)))
                  .flatMap(event -> incompatibilities.addPackage(id, otherId).then(events.packages(List.of(event)))));
        }));
  }

  public Mono<Void> withdrawIncompatible(UUID id, UUID otherId) {
    return transactions.transactional(locked(id).flatMap(accessPackage -> incompatibilities.removePackage(id, otherId)
        .flatMap(removed -> Mono.justOrEmpty(accessPackage.withdrawIncompatible(otherId, removed)))
        .flatMap(event -> events.packages(List.of(event)))));
  }

  /** The group must be one the directory has told the catalog about, waiting briefly for a just-created one. */
  public Mono<Void> declareIncompatibleGroup(UUID id, UUID groupId, String reference) {
    return get(id)
        .then(directory.await(groupId))
        .switchIfEmpty(Mono.error(() -> new GraphException(HttpStatus.NOT_FOUND, "itemNotFound",
            "Group '" + groupId + "' referenced by @odata.id '" + reference + "' does not exist in the directory.")))
        .then(transactions.transactional(locked(id).flatMap(accessPackage -> incompatibilities.groupsDeclaredBy(id)
            .flatMap(declared -> Mono.justOrEmpty(accessPackage.declareIncompatibleGroup(groupId, declared.contains(groupId))))
            .flatMap(event -> incompatibilities.addGroup(id, groupId).then(events.packages(List.of(event)))))));
  }

  public Mono<Void> withdrawIncompatibleGroup(UUID id, UUID groupId) {
    return transactions.transactional(locked(id).flatMap(accessPackage -> incompatibilities.removeGroup(id, groupId)
        .flatMap(removed -> Mono.justOrEmpty(accessPackage.withdrawIncompatibleGroup(groupId, removed)))
        .flatMap(event -> events.packages(List.of(event)))));
  }

  /** A group left the directory: no package can keep it as an incompatible group. Runs in the consumer's transaction. */
  public Mono<Void> groupDeleted(UUID groupId) {
    return incompatibilities.packagesDeclaringGroup(groupId).flatMapMany(Flux::fromIterable)
        .concatMap(id -> packages.lock(id).flatMap(accessPackage -> incompatibilities.removeGroup(id, groupId)
            .flatMap(removed -> Mono.justOrEmpty(accessPackage.withdrawIncompatibleGroup(groupId, removed)))
            .flatMap(event -> events.packages(List.of(event)))))
        .then();
  }

  // ---- helpers

  public static GraphException notFound(UUID id) {
    return GraphException.notFound("accessPackage", id);
  }

  private Mono<AccessPackage> locked(UUID id) {
    return packages.lock(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  /** Finds the resource a role reference points at: through the role's id anywhere, else in the package's catalog. */
  private Mono<CatalogResource> resourceOf(AccessPackage accessPackage, RoleScopeCommand.Role role) {
    if (role == null) {
      return Mono.error(new RuleViolation("role", "Property 'role' is required: name the resource role by id or originId."));
    }
    UUID catalogId = accessPackage.catalogId();
    if (role.id() != null) {
      return resources.findByRole(role.id()).switchIfEmpty(Mono.error(() ->
          GraphException.notFound("accessPackageResourceRole", role.id())));
    }
    if (role.resourceId() != null) {
      return resources.find(role.resourceId()).switchIfEmpty(Mono.error(() ->
          GraphException.notFound("accessPackageResource", role.resourceId())));
    }
    if (role.resourceOriginId() != null && !role.resourceOriginId().isBlank()) {
      OriginSystem system = OriginSystem.parse(role.resourceOriginSystem() == null ? "AadGroup" : role.resourceOriginSystem());
      return resources.findByOrigin(catalogId, system, role.resourceOriginId()).switchIfEmpty(Mono.error(() ->
          missing("No resource with originId '" + role.resourceOriginId().trim() + "' is in catalog '" + catalogId
              + "' of access package " + accessPackage.reference().describe() + ".")));
    }
    if (role.originId() != null && !role.originId().isBlank()) {
      return resources.findByRoleOriginId(catalogId, role.originId()).next().switchIfEmpty(Mono.error(() ->
          missing("No resource role with originId '" + role.originId().trim() + "' is in catalog '" + catalogId
              + "' of access package " + accessPackage.reference().describe() + ".")));
    }
    return Mono.error(new RuleViolation("role", "Property 'role' must name the resource role by id or by originId."));
  }

  private static ResourceRole roleOf(CatalogResource resource, RoleScopeCommand.Role role) {
    Optional<ResourceRole> found = role.id() != null ? resource.role(role.id())
        : role.originId() != null && !role.originId().isBlank() ? resource.roleByOriginId(role.originId()) : Optional.empty();
    return found.orElseThrow(() -> role.id() == null && (role.originId() == null || role.originId().isBlank())
        ? new RuleViolation("role", "Property 'role' must name the resource role by id or by originId.")
        : missing("Resource " + resource.reference().describe() + " has no role '"
            + (role.id() != null ? role.id() : role.originId().trim()) + "'."));
  }

  private static ResourceScope scopeOf(CatalogResource resource, RoleScopeCommand.Scope scope) {
    if (scope == null || (scope.id() == null && (scope.originId() == null || scope.originId().isBlank()))) {
      return resource.rootScope().orElseThrow(() -> new RuleViolation("scope",
          "Resource " + resource.reference().describe() + " has no root scope; name the scope."));
    }
    Optional<ResourceScope> found = scope.id() != null ? resource.scope(scope.id()) : resource.scopeByOriginId(scope.originId());
    return found.orElseThrow(() -> new RuleViolation("scope", "Scope '" + (scope.id() != null ? scope.id() : scope.originId())
        + "' is not a scope of resource " + resource.reference().describe() + "."));
  }

  private static GraphException missing(String message) {
    return new GraphException(HttpStatus.NOT_FOUND, "itemNotFound", message);
  }

  private static Optional<SqlFragment> incompatibleGroupsOf(UUID id) {
    return Optional.of(new SqlFragment("dg.id IN (SELECT i.group_id FROM incompatible_groups i WHERE i.access_package_id = :scopePackage)",
        Map.of("scopePackage", id)));
  }

  private Mono<List<AccessPackage>> allPackages(Optional<SqlFragment> scope) {
    return packages.page(ALL, scope).map(Page::items);
  }

  private static <T> Mono<Optional<T>> optional(Set<PackageExpansion> expansions, PackageExpansion wanted,
      Supplier<Mono<T>> load) {
    return expansions.contains(wanted) ? load.get().map(Optional::of) : Mono.just(Optional.empty());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static List<UUID> sorted(Collection<UUID> ids) {
    List<UUID> all = new ArrayList<>(ids);
    all.sort(null);
    return all;
  }
}
