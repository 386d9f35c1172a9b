package org.quartermaster.catalog.packages.domain;

import java.time.Instant;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.ResourceRole;
import org.quartermaster.catalog.resources.domain.ResourceScope;
import org.quartermaster.catalog.resources.domain.ResourceSummary;

/** One resource role, at one scope, that an access package grants to everyone assigned the package. */
public record RoleScope(UUID accessPackageId, UUID catalogId, ResourceRole role, ResourceScope scope,
    ResourceSummary resource, Instant createdDateTime, String createdBy) {

  public RoleScopeId id() {
    return new RoleScopeId(role.id(), scope.id());
  }
}
