package org.quartermaster.request.extensions.domain;

import java.time.Duration;
import java.util.UUID;

/**
 * A custom workflow extension as extension-gateway last described it; only what deciding to wait needs.
 *
 * @param kind accessPackageAssignmentRequestWorkflowExtension or accessPackageAssignmentWorkflowExtension
 * @param durationBeforeTimeout how long the gateway waits for the callback; null when it did not say
 */
public record CustomExtension(UUID id, UUID catalogId, String kind, String displayName, boolean launchAndWait,
    Duration durationBeforeTimeout) {

  /** The only kind that runs at request stages; the gateway calls nothing else there. */
  public static final String REQUEST_KIND = "accessPackageAssignmentRequestWorkflowExtension";

  /**
   * Whether the extension holds a request at a request stage: launch-and-wait, and of the kind the gateway calls there
   * (a pre-expiration extension bound to a request stage is skipped by the gateway, so nobody would call back).
   */
  public boolean holdsRequests() {
    return launchAndWait && REQUEST_KIND.equalsIgnoreCase(kind);
  }
}
