package org.quartermaster.request.extensions.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One callout of a request as its record shows it: Graph's customExtensionCalloutInstance, plus the stage and when the
 * last event about it happened.
 *
 * @param status customExtensionCalloutInstanceStatus: calloutSent, callbackReceived, calloutFailed, callbackTimedOut or
 *     waitingForCallback
 * @param externalCorrelationId the endpoint's own id for the call; null, since nothing reports it yet
 * @param occurredAt when the event behind this state happened; an older event never overwrites a newer one
 */
public record CalloutInstance(UUID id, UUID requestId, UUID customExtensionId, String stage, String status,
    String detail, String externalCorrelationId, Instant occurredAt) {
}
