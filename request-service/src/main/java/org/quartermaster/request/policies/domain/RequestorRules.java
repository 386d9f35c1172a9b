package org.quartermaster.request.policies.domain;

/** The v1.0 requestorSettings switches that decide which self-service requests a policy accepts. */
public record RequestorRules(
    boolean selfAddEnabled,
    boolean selfUpdateEnabled,
    boolean selfRemoveEnabled,
    boolean customScheduleAllowed) {
}
