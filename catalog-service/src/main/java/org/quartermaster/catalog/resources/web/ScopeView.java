package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.ResourceScope;

/** An accessPackageResourceScope as Graph v1.0 returns it; {@code resource} only when expanded. */
public record ScopeView(UUID id, String displayName, String description, String originId, String originSystem,
    boolean isRootScope, @JsonInclude(JsonInclude.Include.NON_NULL) ResourceView resource) {

  public static ScopeView of(ResourceScope scope) {
    return of(scope, null);
  }

  public static ScopeView of(ResourceScope scope, ResourceView resource) {
    return new ScopeView(scope.id(), scope.displayName(), scope.description(), scope.originId(),
        scope.originSystem().graphName(), scope.isRootScope(), resource);
  }
}
