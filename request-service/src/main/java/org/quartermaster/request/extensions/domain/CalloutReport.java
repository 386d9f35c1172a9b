package org.quartermaster.request.extensions.domain;

import java.util.UUID;

/**
 * What extension-gateway reported about one callout of a request, as the request cares about it.
 *
 * @param stage the callout's stage name, as sent; a stage at which requests do not wait concerns none
 * @param launchAndWait whether the gateway treated the callout as launch-and-wait
 * @param detail the callback's customExtensionStageInstanceDetail, or why the call failed or timed out
 */
public record CalloutReport(Kind kind, UUID requestId, UUID extensionId, String stage, boolean launchAndWait,
    String detail) {

  /** The four callout events; a callback that denies is its own kind. */
  public enum Kind { INVOKED, CALLBACK_RECEIVED, CALLBACK_DENIED, TIMED_OUT, FAILED }
}
