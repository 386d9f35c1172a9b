package org.quartermaster.catalog.packages.web;

import java.util.UUID;
import org.quartermaster.catalog.holders.domain.PackagePolicy;

/**
 * An accessPackageAssignmentPolicy expanded under its v1.0 accessPackage: the summary the catalog keeps; the whole
 * policy is policy-service's {@code /assignmentPolicies/{id}}.
 */
public record PolicyView(UUID id, String displayName, String description, String allowedTargetScope) {

  public static PolicyView of(PackagePolicy policy) {
    return new PolicyView(policy.id(), policy.displayName(), policy.description(), policy.allowedTargetScope());
  }
}
