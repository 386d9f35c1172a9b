package org.quartermaster.request.extensions.application;

import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.extension.CustomExtensionCallout;
import org.quartermaster.events.extension.ExtensionCallbackReceived;
import org.quartermaster.events.extension.ExtensionFailed;
import org.quartermaster.events.extension.ExtensionInvoked;
import org.quartermaster.events.extension.ExtensionTimedOut;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.extensions.domain.CalloutInstance;
import org.quartermaster.request.extensions.domain.CalloutReport;
import org.quartermaster.request.extensions.persistence.CalloutInstanceStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Follows extension-gateway's callouts of requests: keeps each request's record of callouts and moves a request that
 * waits for the callout on, both in the consumer's transaction. Callouts of assignments alone (before expiration) are
 * no request's.
 */
@Component
public class CalloutProjection implements EventHandler {

  private final CalloutInstanceStore instances;
  private final CalloutWaitService waits;

  public CalloutProjection(CalloutInstanceStore instances, CalloutWaitService waits) {
    this.instances = instances;
    this.waits = waits;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    CustomExtensionCallout callout;
    CalloutReport.Kind kind;
    String detail;
    if (event instanceof ExtensionInvoked invoked) {
      callout = invoked.getCallout();
      kind = CalloutReport.Kind.INVOKED;
      detail = callout.getDetail();
    } else if (event instanceof ExtensionCallbackReceived received) {
      callout = received.getCallout();
      kind = received.getDenied() ? CalloutReport.Kind.CALLBACK_DENIED : CalloutReport.Kind.CALLBACK_RECEIVED;
      detail = callout.getDetail();
    } else if (event instanceof ExtensionTimedOut timedOut) {
      callout = timedOut.getCallout();
      kind = CalloutReport.Kind.TIMED_OUT;
      detail = timedOut.getReason();
    } else if (event instanceof ExtensionFailed failed) {
      callout = failed.getCallout();
      kind = CalloutReport.Kind.FAILED;
      detail = failed.getReason();
    } else {
      return Mono.empty();
    }
    if (callout.getRequestId() == null) {
      return Mono.empty();
    }
    UUID requestId = UUID.fromString(callout.getRequestId());
    UUID extensionId = UUID.fromString(callout.getCustomExtensionId());
    Instant occurredAt = EventCodec.metadataOf(event).getOccurredAt();
    CalloutInstance instance = new CalloutInstance(UUID.fromString(callout.getId()), requestId, extensionId,
        callout.getStage(), callout.getStatus(), callout.getDetail() != null ? callout.getDetail() : detail, null,
        occurredAt);
    CalloutReport report = new CalloutReport(kind, requestId, extensionId, callout.getStage(), callout.getLaunchAndWait(),
        detail);
    return instances.record(instance).then(waits.hear(report)).then();
  }
}
