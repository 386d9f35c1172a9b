package org.quartermaster.extension.definitions.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A custom workflow extension of a catalog. The signing secret is not part of it: it is stored beside it and shown
 * only when created or rotated.
 *
 * @param definition what the client defined
 */
public record CustomWorkflowExtension(UUID id, UUID catalogId, ExtensionDefinition definition, String createdBy,
    Instant createdAt, String modifiedBy, Instant modifiedAt) {

  public ExtensionKind kind() {
    return definition.kind();
  }

  public boolean launchAndWait() {
    return definition.callbackTimeout() != null;
  }

  public Duration callbackTimeout() {
    return definition.callbackTimeout();
  }

  public CustomWorkflowExtension replacedBy(ExtensionDefinition replacement, String actor, Instant now) {
    return new CustomWorkflowExtension(id, catalogId, replacement, createdBy, createdAt, actor, now);
  }
}
