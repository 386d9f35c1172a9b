package org.quartermaster.policy.policies.application;

import java.util.UUID;
import org.quartermaster.policy.policies.domain.PolicyDefinition;

/**
 * A policy to create.
 *
 * @param accessPackageId the package it belongs to; required
 * @param catalogId the catalog the client named too, if any
 */
public record NewPolicy(UUID accessPackageId, UUID catalogId, PolicyDefinition definition) {
}
