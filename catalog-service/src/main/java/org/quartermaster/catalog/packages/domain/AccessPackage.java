package org.quartermaster.catalog.packages.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.catalog.common.domain.Audit;
import org.quartermaster.catalog.common.domain.Conflict;
import org.quartermaster.catalog.common.domain.Reference;
import org.quartermaster.platform.domain.Texts;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.catalog.resources.domain.ResourceRole;
import org.quartermaster.catalog.resources.domain.ResourceScope;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

/** A bundle of resource roles from one catalog, which policies (a later service) make requestable. */
public record AccessPackage(UUID id, UUID catalogId, PackageProfile profile, Audit audit) {

  public static Change<AccessPackage, PackageEvent> create(UUID id, UUID catalogId, PackageProfile profile, Instant now,
      String actor) {
    PackageProfile normalised = normalise(profile);
    validate(normalised);
    AccessPackage created = new AccessPackage(id, catalogId, normalised, Audit.created(now, actor));
    return Change.of(created, new PackageEvent.Created(created));
  }

  public Change<AccessPackage, PackageEvent> update(PackagePatch patch, Instant now, String actor) {
    PackageProfile next = normalise(new PackageProfile(
        Texts.or(patch.displayName(), profile.displayName()),
        Texts.or(patch.description(), profile.description()),
        Texts.or(patch.hidden(), profile.hidden()),
        Texts.or(patch.roleScopesVisible(), profile.roleScopesVisible())));
    validate(next);
    if (next.equals(profile)) {
      return Change.none(this);
    }
    AccessPackage updated = new AccessPackage(id, catalogId, next, audit.modified(now, actor));
    return Change.of(updated, new PackageEvent.Updated(updated));
  }

  /**
   * Grants a role of a resource at one of its scopes. The resource must be in this package's catalog: a package
   * bundles only what its catalog's owners have put in the catalog.
   *
   * @param roleAlreadyGranted whether this package already grants the role, at any scope
   */
  public Change<RoleScope, PackageEvent> grant(CatalogResource resource, ResourceRole role, ResourceScope scope,
      boolean roleAlreadyGranted, Instant now, String actor) {
    if (!resource.catalogId().equals(catalogId)) {
      throw new RuleViolation("role", "Role " + role.describe() + " belongs to a resource of catalog " + resource.catalogId()
          + ", not to catalog " + catalogId + " of access package " + reference().describe()
          + ". Add the resource to that catalog first.");
    }
    if (resource.role(role.id()).isEmpty()) {
      throw new RuleViolation("role", "Role " + role.describe() + " is not a role of resource " + resource.reference().describe() + ".");
    }
    if (resource.scope(scope.id()).isEmpty()) {
      throw new RuleViolation("scope", "Scope '" + scope.originId() + "' (id " + scope.id() + ") is not a scope of resource "
          + resource.reference().describe() + ".");
    }
    if (roleAlreadyGranted) {
      throw new Conflict("role", "Access package " + reference().describe() + " already grants role " + role.describe() + ".");
    }
    RoleScope granted = new RoleScope(id, catalogId, role, scope, resource.summary(), now, actor);
    return Change.of(granted, new PackageEvent.RoleScopeAdded(granted));
  }

  public PackageEvent.RoleScopeRemoved revoke(RoleScope roleScope) {
    if (!roleScope.accessPackageId().equals(id)) {
      throw new IllegalArgumentException("role scope " + roleScope.id() + " belongs to package " + roleScope.accessPackageId());
    }
    return new PackageEvent.RoleScopeRemoved(roleScope);
  }

  /** Declaring an incompatibility that already exists changes nothing, as adding an existing member does. */
  public Optional<PackageEvent> declareIncompatible(AccessPackage other, boolean alreadyDeclared) {
    if (other.id().equals(id)) {
      throw new RuleViolation("@odata.id", "Access package " + reference().describe() + " cannot be incompatible with itself.");
    }
    return alreadyDeclared ? Optional.empty() : Optional.of(new PackageEvent.IncompatiblePackageAdded(id, other.id()));
  }

  public Optional<PackageEvent> withdrawIncompatible(UUID otherId, boolean wasDeclared) {
    return wasDeclared ? Optional.of(new PackageEvent.IncompatiblePackageRemoved(id, otherId)) : Optional.empty();
  }

  public Optional<PackageEvent> declareIncompatibleGroup(UUID groupId, boolean alreadyDeclared) {
    return alreadyDeclared ? Optional.empty() : Optional.of(new PackageEvent.IncompatibleGroupAdded(id, groupId));
  }

  public Optional<PackageEvent> withdrawIncompatibleGroup(UUID groupId, boolean wasDeclared) {
    return wasDeclared ? Optional.of(new PackageEvent.IncompatibleGroupRemoved(id, groupId)) : Optional.empty();
  }

  /**
   * Deleting a package first withdraws everything it declared and every incompatibility other packages declared
   * against it, each as its own event, so consumers never hold a reference to a package that is gone. A package that
   * policies or active assignments still hold is not deleted: Graph refuses that too.
   */
  public List<PackageEvent> delete(Holders holders, List<RoleScope> roleScopes, List<UUID> incompatiblePackages,
      List<UUID> incompatibleGroups, List<UUID> packagesDeclaringThisIncompatible) {
    if (!holders.policies().isEmpty()) {
      throw new Conflict("assignmentPolicies", "Access package " + reference().describe() + " still has assignment policies: "
          + String.join(", ", holders.policies()) + ". Delete them first.");
    }
    if (holders.activeAssignments() > 0) {
      throw new Conflict("assignments", "Access package " + reference().describe() + " still has "
          + holders.activeAssignments() + " active assignment(s). Remove them first.");
    }
    List<PackageEvent> events = new ArrayList<>();
    roleScopes.forEach(roleScope -> events.add(revoke(roleScope)));
    incompatiblePackages.forEach(other -> events.add(new PackageEvent.IncompatiblePackageRemoved(id, other)));
    incompatibleGroups.forEach(group -> events.add(new PackageEvent.IncompatibleGroupRemoved(id, group)));
    packagesDeclaringThisIncompatible.stream().filter(other -> !other.equals(id))
        .forEach(other -> events.add(new PackageEvent.IncompatiblePackageRemoved(other, id)));
    events.add(new PackageEvent.Deleted(id, catalogId));
    return events;
  }

  public Reference reference() {
    return new Reference(id, profile.displayName());
  }

  private static PackageProfile normalise(PackageProfile profile) {
    return new PackageProfile(profile.displayName() == null ? null : profile.displayName().trim(), profile.description(),
        profile.hidden(), profile.roleScopesVisible());
  }

  private static void validate(PackageProfile profile) {
    Texts.requireDisplayName(profile.displayName());
    Texts.checkDescription(profile.description());
  }

  /**
   * What holds a package: its policies, described for an error message, and how many assignments are active.
   */
  public record Holders(List<String> policies, long activeAssignments) {

    public static Holders none() {
      return new Holders(List.of(), 0);
    }
  }
}
