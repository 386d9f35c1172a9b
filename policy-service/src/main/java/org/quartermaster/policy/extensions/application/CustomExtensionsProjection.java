package org.quartermaster.policy.extensions.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.extension.CustomWorkflowExtension;
import org.quartermaster.events.extension.CustomWorkflowExtensionCreated;
import org.quartermaster.events.extension.CustomWorkflowExtensionDeleted;
import org.quartermaster.events.extension.CustomWorkflowExtensionUpdated;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.policy.extensions.persistence.CustomExtensionStore;
import org.quartermaster.policy.policies.domain.CustomExtensionKind;
import org.quartermaster.policy.policies.domain.CustomExtensionRef;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model of custom workflow extensions. Policies that bind a deleted extension keep their settings:
 * extension-gateway refuses that deletion while it knows of a binding, and a policy written later is checked anew.
 */
@Component
public class CustomExtensionsProjection implements EventHandler {

  private final CustomExtensionStore extensions;

  public CustomExtensionsProjection(CustomExtensionStore extensions) {
    this.extensions = extensions;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof CustomWorkflowExtensionCreated created) {
      return extensions.upsert(ref(created.getExtension()));
    }
    if (event instanceof CustomWorkflowExtensionUpdated updated) {
      return extensions.upsert(ref(updated.getExtension()));
    }
    if (event instanceof CustomWorkflowExtensionDeleted deleted) {
      return extensions.delete(UUID.fromString(deleted.getExtensionId()));
    }
    return Mono.empty();
  }

  static CustomExtensionRef ref(CustomWorkflowExtension extension) {
    String url = extension.getEndpointUrl();
    return new CustomExtensionRef(UUID.fromString(extension.getId()), UUID.fromString(extension.getCatalogId()),
        GraphEnum.parse(CustomExtensionKind.class, extension.getKind(), "kind"), extension.getDisplayName(),
        extension.getDescription(), url == null || url.isBlank() ? null : url, extension.getLaunchAndWait(),
        extension.getDurationBeforeTimeout(), extension.getTimeoutInMilliseconds(), extension.getMaximumRetries());
  }
}
