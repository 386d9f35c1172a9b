package org.quartermaster.catalog.packages.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.catalogs.web.CatalogView;
import org.quartermaster.catalog.packages.application.ExpandedPackage;
import org.quartermaster.catalog.packages.domain.AccessPackage;

/** An accessPackage as Graph v1.0 returns it; navigations only when expanded. */
public record AccessPackageView(
    UUID id,
    String displayName,
    String description,
    boolean isHidden,
    Instant createdDateTime,
    Instant modifiedDateTime,
    @JsonInclude(JsonInclude.Include.NON_NULL) CatalogView catalog,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<RoleScopeView> resourceRoleScopes,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AccessPackageView> incompatibleAccessPackages,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<GroupView> incompatibleGroups,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AccessPackageView> accessPackagesIncompatibleWith,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<PolicyView> assignmentPolicies) {

  public static AccessPackageView of(AccessPackage accessPackage) {
    return of(ExpandedPackage.of(accessPackage));
  }

  public static AccessPackageView of(ExpandedPackage expanded) {
    AccessPackage accessPackage = expanded.accessPackage();
    var p = accessPackage.profile();
    return new AccessPackageView(accessPackage.id(), p.displayName(), p.description(), p.hidden(),
        accessPackage.audit().createdDateTime(), accessPackage.audit().modifiedDateTime(),
        expanded.catalog() == null ? null : CatalogView.of(expanded.catalog()),
        expanded.roleScopes() == null ? null : expanded.roleScopes().stream().map(RoleScopeView::of).toList(),
        expanded.incompatiblePackages() == null ? null
            : expanded.incompatiblePackages().stream().map(AccessPackageView::of).toList(),
        expanded.incompatibleGroups() == null ? null : expanded.incompatibleGroups().stream().map(GroupView::of).toList(),
        expanded.incompatibleWith() == null ? null : expanded.incompatibleWith().stream().map(AccessPackageView::of).toList(),
        expanded.assignmentPolicies() == null ? null
            : expanded.assignmentPolicies().stream().map(PolicyView::of).toList());
  }
}
