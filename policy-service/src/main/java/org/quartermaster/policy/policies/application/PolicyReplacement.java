package org.quartermaster.policy.policies.application;

import java.util.UUID;
import org.quartermaster.policy.policies.domain.PolicyDefinition;

/**
 * A PUT's body: the new definition, and the id and package the body repeats, if it does.
 */
public record PolicyReplacement(String bodyId, UUID accessPackageId, PolicyDefinition definition) {
}
