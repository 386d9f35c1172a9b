package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.ResourceScope;

/** An accessPackageResourceScope as Graph beta returns it; {@code accessPackageResource} only when expanded. */
public record BetaScopeView(UUID id, String displayName, String description, String originId, String originSystem,
    boolean isRootScope, @JsonInclude(JsonInclude.Include.NON_NULL) BetaResourceView accessPackageResource) {

  public static BetaScopeView of(ResourceScope scope) {
    return of(scope, null);
  }

  public static BetaScopeView of(ResourceScope scope, BetaResourceView resource) {
    return new BetaScopeView(scope.id(), scope.displayName(), scope.description(), scope.originId(),
        scope.originSystem().graphName(), scope.isRootScope(), resource);
  }
}
