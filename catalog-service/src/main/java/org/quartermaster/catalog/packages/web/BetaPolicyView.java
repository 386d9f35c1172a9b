package org.quartermaster.catalog.packages.web;

import java.util.UUID;
import org.quartermaster.catalog.holders.domain.PackagePolicy;

/** An accessPackageAssignmentPolicy expanded under its beta accessPackage: the summary the catalog keeps. */
public record BetaPolicyView(UUID id, String displayName, String description, UUID accessPackageId) {

  public static BetaPolicyView of(PackagePolicy policy) {
    return new BetaPolicyView(policy.id(), policy.displayName(), policy.description(), policy.accessPackageId());
  }
}
