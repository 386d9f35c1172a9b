package org.quartermaster.request.requests.domain;

import java.util.UUID;

/**
 * Who submits a request.
 *
 * @param administrator whether the caller holds the permission administrator requests need
 */
public record Requester(UUID objectId, boolean administrator) {
}
