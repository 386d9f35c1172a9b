package org.quartermaster.catalog.packages.application;

import java.util.List;
import org.quartermaster.catalog.catalogs.domain.Catalog;
import org.quartermaster.catalog.holders.domain.PackagePolicy;
import org.quartermaster.catalog.packages.domain.AccessPackage;
import org.quartermaster.catalog.packages.domain.RoleScope;
import org.quartermaster.catalog.resources.domain.DirectoryGroupOrigin;

/** An access package with the navigations that were asked for; the others are null. */
public record ExpandedPackage(AccessPackage accessPackage, Catalog catalog, List<RoleScope> roleScopes,
    List<AccessPackage> incompatiblePackages, List<DirectoryGroupOrigin> incompatibleGroups,
    List<AccessPackage> incompatibleWith, List<PackagePolicy> assignmentPolicies) {

  public static ExpandedPackage of(AccessPackage accessPackage) {
    return new ExpandedPackage(accessPackage, null, null, null, null, null, null);
  }
}
