package org.quartermaster.request.extensions.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.extension.CustomWorkflowExtension;
import org.quartermaster.events.extension.CustomWorkflowExtensionCreated;
import org.quartermaster.events.extension.CustomWorkflowExtensionDeleted;
import org.quartermaster.events.extension.CustomWorkflowExtensionUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.common.domain.IsoDurations;
import org.quartermaster.request.extensions.domain.CustomExtension;
import org.quartermaster.request.extensions.persistence.CustomExtensionStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the read model of custom workflow extensions: every event carries the whole extension. */
@Component
public class CustomExtensionProjection implements EventHandler {

  private final CustomExtensionStore extensions;

  public CustomExtensionProjection(CustomExtensionStore extensions) {
    this.extensions = extensions;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof CustomWorkflowExtensionCreated created) {
      return extensions.upsert(extension(created.getExtension()));
    }
    if (event instanceof CustomWorkflowExtensionUpdated updated) {
      return extensions.upsert(extension(updated.getExtension()));
    }
    if (event instanceof CustomWorkflowExtensionDeleted deleted) {
      return extensions.delete(UUID.fromString(deleted.getExtensionId()));
    }
    return Mono.empty();
  }

  static CustomExtension extension(CustomWorkflowExtension extension) {
    String timeout = extension.getDurationBeforeTimeout();
    return new CustomExtension(UUID.fromString(extension.getId()), UUID.fromString(extension.getCatalogId()),
        extension.getKind(), extension.getDisplayName(), extension.getLaunchAndWait(),
        timeout == null || timeout.isBlank() ? null : duration(timeout));
  }

  /** The gateway validated the text; P14D and PT336H alike become a fixed length of time (a day is 24 hours). */
  private static Duration duration(String iso) {
    return Duration.between(Instant.EPOCH, IsoDurations.after(Instant.EPOCH, iso, "durationBeforeTimeout"));
  }
}
