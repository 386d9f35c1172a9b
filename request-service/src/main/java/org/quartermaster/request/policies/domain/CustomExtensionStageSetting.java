package org.quartermaster.request.policies.domain;

import java.util.UUID;

/**
 * A policy's binding of a custom workflow extension to a stage (Graph's customExtensionStageSetting).
 *
 * @param stage accessPackageCustomExtensionStage, kept as text so a stage added later is carried rather than unreadable
 */
public record CustomExtensionStageSetting(String stage, UUID customExtensionId) {
}
