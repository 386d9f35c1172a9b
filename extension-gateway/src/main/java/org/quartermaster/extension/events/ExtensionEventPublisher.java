package org.quartermaster.extension.events;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.extension.CustomExtensionCallout;
import org.quartermaster.events.extension.CustomWorkflowExtension;
import org.quartermaster.events.extension.CustomWorkflowExtensionCreated;
import org.quartermaster.events.extension.CustomWorkflowExtensionDeleted;
import org.quartermaster.events.extension.CustomWorkflowExtensionUpdated;
import org.quartermaster.events.extension.ExtensionCallbackReceived;
import org.quartermaster.events.extension.ExtensionFailed;
import org.quartermaster.events.extension.ExtensionInvoked;
import org.quartermaster.events.extension.ExtensionTimedOut;
import org.quartermaster.extension.callouts.domain.Callout;
import org.quartermaster.extension.callouts.domain.CalloutEvent;
import org.quartermaster.extension.definitions.domain.ExtensionEvent;
import org.quartermaster.platform.outbox.DomainEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Translates the gateway's events to Avro and appends them to the outbox. Definitions are keyed by extension id;
 * callouts by the user they are about, so they sit in order beside that user's request and assignment events.
 */
@Component
public class ExtensionEventPublisher {

  private final DomainEventPublisher publisher;

  public ExtensionEventPublisher(DomainEventPublisher publisher) {
    this.publisher = publisher;
  }

  public Mono<Void> publishDefinitions(List<ExtensionEvent> events) {
    return publisher.publish(events, ExtensionEvent::extensionId, ExtensionEventPublisher::toAvro);
  }

  public Mono<Void> publishCallouts(List<CalloutEvent> events) {
    return publisher.publish(events, event -> event.callout().targetId(), ExtensionEventPublisher::toAvro);
  }

  static SpecificRecord toAvro(ExtensionEvent event, EventMetadata meta) {
    if (event instanceof ExtensionEvent.Created created) {
      return new CustomWorkflowExtensionCreated(meta, snapshot(created.extension()));
    }
    if (event instanceof ExtensionEvent.Updated updated) {
      return new CustomWorkflowExtensionUpdated(meta, snapshot(updated.extension()));
    }
    ExtensionEvent.Deleted deleted = (ExtensionEvent.Deleted) event;
    return new CustomWorkflowExtensionDeleted(meta, deleted.extensionId().toString(), deleted.catalogId().toString());
  }

  static SpecificRecord toAvro(CalloutEvent event, EventMetadata meta) {
    CustomExtensionCallout callout = snapshot(event.callout());
    if (event instanceof CalloutEvent.Invoked) {
      return new ExtensionInvoked(meta, callout);
    }
    if (event instanceof CalloutEvent.Failed failed) {
      return new ExtensionFailed(meta, callout, failed.reason());
    }
    if (event instanceof CalloutEvent.CallbackReceived received) {
      return new ExtensionCallbackReceived(meta, callout, received.denied(), received.source());
    }
    return new ExtensionTimedOut(meta, callout, ((CalloutEvent.TimedOut) event).reason());
  }

  static CustomWorkflowExtension snapshot(org.quartermaster.extension.definitions.domain.CustomWorkflowExtension extension) {
    var definition = extension.definition();
    return CustomWorkflowExtension.newBuilder()
        .setId(extension.id().toString())
        .setCatalogId(extension.catalogId().toString())
        .setKind(definition.kind().graphName())
        .setDisplayName(definition.displayName())
        .setDescription(definition.description())
        .setEndpointUrl(definition.endpointUrl() == null ? "" : definition.endpointUrl())
        .setLaunchAndWait(extension.launchAndWait())
        .setDurationBeforeTimeout(extension.callbackTimeout() == null ? null : extension.callbackTimeout().toString())
        .setTimeoutInMilliseconds(definition.timeoutInMilliseconds())
        .setMaximumRetries(definition.maximumRetries())
        .build();
  }

  static CustomExtensionCallout snapshot(Callout callout) {
    return CustomExtensionCallout.newBuilder()
        .setId(callout.id().toString())
        .setCustomExtensionId(callout.extensionId().toString())
        .setStage(callout.stage().graphName())
        .setRequestId(callout.requestId() == null ? null : callout.requestId().toString())
        .setAssignmentId(callout.assignmentId() == null ? null : callout.assignmentId().toString())
        .setAccessPackageId(callout.accessPackageId().toString())
        .setTargetId(callout.targetId().toString())
        .setLaunchAndWait(callout.launchAndWait())
        .setStatus(callout.status().graphName())
        .setAttempts(callout.attempts())
        .setHttpStatus(callout.lastHttpStatus())
        .setDetail(callout.detail())
        .build();
  }
}
