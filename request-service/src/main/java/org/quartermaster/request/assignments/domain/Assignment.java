package org.quartermaster.request.assignments.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An access package assignment as provisioning last described it.
 *
 * @param state v1.0 camelCase: delivering, delivered, partiallyDelivered, deliveryFailed, expired, removed
 * @param requestId the request that caused the latest change
 */
public record Assignment(UUID id, UUID accessPackageId, UUID catalogId, UUID assignmentPolicyId, UUID targetId, String state,
    String status, UUID requestId, Instant startDateTime, Instant expirationDateTime) {

  /** The states in which the target holds, or is being given, the package: another add would duplicate it. */
  public static final Set<String> ACTIVE = Set.of("delivering", "delivered", "partiallyDelivered");
  /** The states after which there is nothing left to remove or extend. */
  public static final Set<String> ENDED = Set.of("expired", "removed");

  public boolean active() {
    return ACTIVE.contains(state);
  }

  public boolean ended() {
    return ENDED.contains(state);
  }
}
