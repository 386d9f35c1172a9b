package org.quartermaster.catalog.holders.domain;

import java.util.UUID;

/**
 * An assignment policy of an access package, as far as the catalog keeps it: enough to list the policies under the
 * package. policy-service owns the whole policy.
 *
 * @param description        null when the policy has none
 * @param allowedTargetScope the v1.0 camelCase value, e.g. {@code allMemberUsers}; null for a policy projected before
 *                           the catalog kept it, until its next update
 */
public record PackagePolicy(UUID id, UUID accessPackageId, String displayName, String description,
    String allowedTargetScope) {
}
