package org.quartermaster.catalog.resources.application;

import java.util.UUID;

/**
 * A resource request as the client sent it, in either API version's shape.
 *
 * @param resourceId the resource's id in the catalog; only an adminRemove may name the resource this way
 */
public record ResourceRequestCommand(String requestType, UUID catalogId, UUID resourceId, String originId,
    String originSystem, String justification) {
}
