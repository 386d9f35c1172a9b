package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.ResourceRole;

/** An accessPackageResourceRole as Graph beta returns it; {@code accessPackageResource} only when expanded. */
public record BetaRoleView(UUID id, String displayName, String description, String originId, String originSystem,
    @JsonInclude(JsonInclude.Include.NON_NULL) BetaResourceView accessPackageResource) {

  public static BetaRoleView of(ResourceRole role) {
    return of(role, null);
  }

  public static BetaRoleView of(ResourceRole role, BetaResourceView resource) {
    return new BetaRoleView(role.id(), role.displayName(), role.description(), role.originId(),
        role.originSystem().graphName(), resource);
  }
}
