package org.quartermaster.catalog.packages.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.catalogs.web.BetaCatalogView;
import org.quartermaster.catalog.packages.application.ExpandedPackage;
import org.quartermaster.catalog.packages.domain.AccessPackage;

/** An accessPackage as Graph beta returns it: catalogId, isRoleScopesVisible, createdBy/modifiedBy, beta navigations. */
public record BetaAccessPackageView(
    UUID id,
    UUID catalogId,
    String displayName,
    String description,
    boolean isHidden,
    boolean isRoleScopesVisible,
    String createdBy,
    Instant createdDateTime,
    String modifiedBy,
    Instant modifiedDateTime,
    @JsonInclude(JsonInclude.Include.NON_NULL) BetaCatalogView accessPackageCatalog,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<BetaRoleScopeView> accessPackageResourceRoleScopes,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<BetaAccessPackageView> incompatibleAccessPackages,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<GroupView> incompatibleGroups,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<BetaAccessPackageView> accessPackagesIncompatibleWith,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<BetaPolicyView> accessPackageAssignmentPolicies) {

  public static BetaAccessPackageView of(AccessPackage accessPackage) {
    return of(ExpandedPackage.of(accessPackage));
  }

  public static BetaAccessPackageView of(ExpandedPackage expanded) {
    AccessPackage accessPackage = expanded.accessPackage();
    var p = accessPackage.profile();
    var audit = accessPackage.audit();
    return new BetaAccessPackageView(accessPackage.id(), accessPackage.catalogId(), p.displayName(), p.description(),
        p.hidden(), p.roleScopesVisible(), audit.createdBy(), audit.createdDateTime(), audit.modifiedBy(),
        audit.modifiedDateTime(),
        expanded.catalog() == null ? null : BetaCatalogView.of(expanded.catalog()),
        expanded.roleScopes() == null ? null : expanded.roleScopes().stream().map(BetaRoleScopeView::of).toList(),
        expanded.incompatiblePackages() == null ? null
            : expanded.incompatiblePackages().stream().map(BetaAccessPackageView::of).toList(),
        expanded.incompatibleGroups() == null ? null : expanded.incompatibleGroups().stream().map(GroupView::of).toList(),
        expanded.incompatibleWith() == null ? null
            : expanded.incompatibleWith().stream().map(BetaAccessPackageView::of).toList(),
        expanded.assignmentPolicies() == null ? null
            : expanded.assignmentPolicies().stream().map(BetaPolicyView::of).toList());
  }
}
