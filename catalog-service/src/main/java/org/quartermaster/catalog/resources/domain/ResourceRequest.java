package org.quartermaster.catalog.resources.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to add or remove a resource, kept as history. It names the resource as it was at the time; the
 * resource itself may be gone since.
 */
public record ResourceRequest(UUID id, UUID catalogId, ResourceRequestType requestType, ResourceRequestState state,
    CatalogResource resource, String justification, Instant createdDateTime, String requestedBy) {

  public static ResourceRequest delivered(UUID id, ResourceRequestType type, CatalogResource resource, String justification,
      Instant now, String actor) {
    return new ResourceRequest(id, resource.catalogId(), type, ResourceRequestState.DELIVERED, resource, justification, now,
        actor);
  }
}
