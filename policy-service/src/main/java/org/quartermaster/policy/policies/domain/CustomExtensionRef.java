package org.quartermaster.policy.policies.domain;

import java.util.UUID;

/**
 * A custom workflow extension as extension-gateway's events describe it: what a policy's stage setting may name.
 *
 * @param endpointUrl where callouts go; null for a Logic App named without its trigger URL
 * @param durationBeforeTimeout ISO-8601, set for launch-and-wait only
 */
public record CustomExtensionRef(UUID id, UUID catalogId, CustomExtensionKind kind, String displayName,
    String description, String endpointUrl, boolean launchAndWait, String durationBeforeTimeout,
    int timeoutInMilliseconds, int maximumRetries) {
}
