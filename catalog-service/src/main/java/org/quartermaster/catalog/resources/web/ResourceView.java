package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.odata.ExpandItem;
import org.quartermaster.catalog.common.web.GraphNames;
import tools.jackson.databind.node.NullNode;

/** An accessPackageResource as Graph v1.0 returns it; roles, scopes and environment only when expanded. */
public record ResourceView(
    UUID id,
    String displayName,
    String description,
    String originId,
    String originSystem,
    Instant createdDateTime,
    Instant modifiedDateTime,
    List<Object> attributes,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<RoleView> roles,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ScopeView> scopes,
    // Only SharePoint sites have an environment; expanded for a group it is an explicit null.
    @JsonInclude(JsonInclude.Include.NON_NULL) Object environment) {

  public static ResourceView of(CatalogResource resource) {
    return of(resource, List.of());
  }

  public static ResourceView of(CatalogResource resource, List<ExpandItem> expand) {
    return new ResourceView(resource.id(), resource.displayName(), resource.description(), resource.originId(),
        resource.originSystem().graphName(), resource.createdDateTime(), resource.createdDateTime(), List.of(),
        GraphNames.expands(expand, "roles") ? resource.roles().stream().map(RoleView::of).toList() : null,
        GraphNames.expands(expand, "scopes") ? resource.scopes().stream().map(ScopeView::of).toList() : null,
        GraphNames.expands(expand, "environment") ? NullNode.getInstance() : null);
  }
}
