package org.quartermaster.provisioning.policies.domain;

import java.util.UUID;
import org.quartermaster.provisioning.assignments.domain.ExpirationPattern;

/** An assignment policy as the policy service's events describe it: its name and the lifecycle it gives assignments. */
public record PolicySummary(UUID id, UUID accessPackageId, String displayName, String description,
    ExpirationPattern expiration) {
}
