package org.quartermaster.request.requests.web;

import java.util.List;
import org.quartermaster.request.extensions.domain.CalloutInstance;

/**
 * Graph's customExtensionCalloutInstance: one call of a custom extension for the request, with the state its latest
 * event gave it. The stage is not among Graph's properties; the full record, with stage and attempts, is
 * extension-gateway's {@code /quartermaster/v1/assignmentRequests/{id}/customExtensionCalloutInstances}.
 *
 * @param status calloutSent, callbackReceived, calloutFailed, callbackTimedOut or waitingForCallback
 * @param detail the callback's customExtensionStageInstanceDetail, or why the call failed or timed out
 */
public record CalloutInstanceView(String id, String customExtensionId, String detail, String externalCorrelationId,
    String status) {

  static List<CalloutInstanceView> of(List<CalloutInstance> instances) {
    return instances.stream().map(instance -> new CalloutInstanceView(instance.id().toString(),
        instance.customExtensionId().toString(), instance.detail(), instance.externalCorrelationId(), instance.status()))
        .toList();
  }
}
