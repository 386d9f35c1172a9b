package org.quartermaster.policy.policies.domain;

import java.util.UUID;

/** The access package a policy belongs to, as the catalog's events describe it. */
public record AccessPackageRef(UUID id, UUID catalogId, String displayName, String description, boolean hidden) {
}
