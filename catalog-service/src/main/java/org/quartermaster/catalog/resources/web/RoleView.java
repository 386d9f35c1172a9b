package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.ResourceRole;

/** An accessPackageResourceRole as Graph v1.0 returns it; {@code resource} only when expanded. */
public record RoleView(UUID id, String displayName, String description, String originId, String originSystem,
    @JsonInclude(JsonInclude.Include.NON_NULL) ResourceView resource) {

  public static RoleView of(ResourceRole role) {
    return of(role, null);
  }

  public static RoleView of(ResourceRole role, ResourceView resource) {
    return new RoleView(role.id(), role.displayName(), role.description(), role.originId(), role.originSystem().graphName(),
        resource);
  }
}
