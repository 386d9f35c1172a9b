package org.quartermaster.catalog.resources.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.quartermaster.catalog.common.domain.Conflict;
import org.quartermaster.catalog.common.domain.Reference;
import org.quartermaster.platform.domain.Change;

/**
 * A resource as it sits in one catalog: the same group in two catalogs is two resources, each with its own id,
 * roles and scopes. Its name and description are a snapshot taken when it was added, as in Entra.
 */
public record CatalogResource(UUID id, UUID catalogId, String originId, OriginSystem originSystem, String displayName,
    String description, String resourceType, Instant createdDateTime, String addedBy, List<ResourceRole> roles,
    List<ResourceScope> scopes) {

  static final String MEMBER = "Member";
  static final String OWNER = "Owner";

  public CatalogResource {
    roles = roles == null ? List.of() : List.copyOf(roles);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /**
   * A directory group becomes a resource with two roles, Member and Owner, and its root scope.
   *
   * @param alreadyInCatalog the resource the catalog already has for this group, if any
   */
  public static Change<CatalogResource, ResourceEvent> addGroup(UUID catalogId, DirectoryGroupOrigin group,
      Optional<CatalogResource> alreadyInCatalog, Instant now, String actor, Supplier<UUID> ids) {
    alreadyInCatalog.ifPresent(existing -> {
      throw new Conflict("originId", "Group '" + existing.displayName() + "' (" + existing.originId()
          + ") is already a resource of catalog " + catalogId + " (resource id " + existing.id() + ").");
    });
    String groupId = group.id().toString();
    OriginSystem system = OriginSystem.AAD_GROUP;
    List<ResourceRole> roles = List.of(
        new ResourceRole(ids.get(), MEMBER + "_" + groupId, system, MEMBER, null),
        new ResourceRole(ids.get(), OWNER + "_" + groupId, system, OWNER, null));
    List<ResourceScope> scopes = List.of(new ResourceScope(ids.get(), groupId, system, "Root", "Root Scope", true));
    CatalogResource resource = new CatalogResource(ids.get(), catalogId, groupId, system, group.displayName(),
        group.description(), group.resourceType(), now, actor, roles, scopes);
    return Change.of(resource, new ResourceEvent.Added(resource));
  }

  /** A resource whose roles an access package grants stays: removing it would silently strip that access. */
  public ResourceEvent.Removed remove(List<Reference> accessPackagesUsingIt) {
    if (!accessPackagesUsingIt.isEmpty()) {
      throw new Conflict("resource", "Resource " + reference().describe() + " cannot be removed from its catalog: "
          + "access packages grant its roles: " + Reference.describe(accessPackagesUsingIt) + ". Remove those roles first.");
    }
    return new ResourceEvent.Removed(this);
  }

  public Optional<ResourceRole> role(UUID roleId) {
    return roles.stream().filter(role -> role.id().equals(roleId)).findFirst();
  }

  public Optional<ResourceRole> roleByOriginId(String roleOriginId) {
    return roles.stream().filter(role -> role.originId().equalsIgnoreCase(roleOriginId.trim())).findFirst();
  }

  public Optional<ResourceScope> scope(UUID scopeId) {
    return scopes.stream().filter(scope -> scope.id().equals(scopeId)).findFirst();
  }

  public Optional<ResourceScope> scopeByOriginId(String scopeOriginId) {
    return scopes.stream().filter(scope -> scope.originId().equalsIgnoreCase(scopeOriginId.trim())).findFirst();
  }

  public Optional<ResourceScope> rootScope() {
    return scopes.stream().filter(ResourceScope::isRootScope).findFirst();
  }

  public ResourceSummary summary() {
    return new ResourceSummary(id, catalogId, originId, originSystem, displayName);
  }

  public Reference reference() {
    return new Reference(id, displayName + " [" + originId + "]");
  }
}
