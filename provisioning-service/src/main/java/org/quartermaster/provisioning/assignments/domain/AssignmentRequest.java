package org.quartermaster.provisioning.assignments.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a delivered-for-provisioning assignment request asks, in provisioning's terms.
 *
 * @param assignmentId the assignment a remove or update acts on; null for an add
 * @param startDateTime the requested start; null means now
 * @param expiration the requested expiration; notSpecified falls back to the policy's
 */
public record AssignmentRequest(UUID requestId, RequestType type, UUID accessPackageId, UUID catalogId,
    UUID assignmentPolicyId, UUID targetId, UUID assignmentId, Instant startDateTime, ExpirationPattern expiration) {
}
