package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.quartermaster.catalog.common.web.GraphNames;
import org.quartermaster.catalog.resources.domain.ResourceRequest;

/**
 * An accessPackageResourceRequest as Graph v1.0 returns it. {@code catalog} and {@code resource} are included when
 * expanded, and always in the answer to a POST, so a client learns the new resource's id at once.
 */
public record ResourceRequestView(
    UUID id,
    String requestType,
    String state,
    Instant createdDateTime,
    @JsonInclude(JsonInclude.Include.NON_NULL) CatalogRef catalog,
    @JsonInclude(JsonInclude.Include.NON_NULL) ResourceView resource) {

  /** The catalog a request names, by id. */
  public record CatalogRef(UUID id) {
  }

  public static ResourceRequestView of(ResourceRequest request, boolean withCatalog, boolean withResource) {
    return new ResourceRequestView(request.id(), GraphNames.v1(request.requestType()), GraphNames.v1(request.state()),
        request.createdDateTime(), withCatalog ? new CatalogRef(request.catalogId()) : null,
        withResource ? ResourceView.of(request.resource()) : null);
  }
}
