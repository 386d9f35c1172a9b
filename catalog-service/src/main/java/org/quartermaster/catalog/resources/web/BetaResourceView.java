package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.common.web.GraphNames;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.odata.ExpandItem;
import tools.jackson.databind.node.NullNode;

/** An accessPackageResource as Graph beta returns it: resourceType, addedBy/addedOn, accessPackage-prefixed navigations. */
public record BetaResourceView(
    UUID id,
    String displayName,
    String description,
    String originId,
    String originSystem,
    String resourceType,
    String url,
    String addedBy,
    Instant addedOn,
    boolean isPendingOnboarding,
    List<Object> attributes,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<BetaRoleView> accessPackageResourceRoles,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<BetaScopeView> accessPackageResourceScopes,
    @JsonInclude(JsonInclude.Include.NON_NULL) Object accessPackageResourceEnvironment) {

  public static BetaResourceView of(CatalogResource resource) {
    return of(resource, List.of());
  }

  public static BetaResourceView of(CatalogResource resource, List<ExpandItem> expand) {
    return new BetaResourceView(resource.id(), resource.displayName(), resource.description(), resource.originId(),
        resource.originSystem().graphName(), resource.resourceType(), null, resource.addedBy(), resource.createdDateTime(),
        false, List.of(),
        GraphNames.expands(expand, "accessPackageResourceRoles") ? resource.roles().stream().map(BetaRoleView::of).toList() : null,
        GraphNames.expands(expand, "accessPackageResourceScopes")
            ? resource.scopes().stream().map(BetaScopeView::of).toList() : null,
        GraphNames.expands(expand, "accessPackageResourceEnvironment") ? NullNode.getInstance() : null);
  }
}
