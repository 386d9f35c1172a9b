package org.quartermaster.extension.definitions.domain;

import java.util.UUID;

/** What happened to an extension definition. */
public sealed interface ExtensionEvent {

  UUID extensionId();

  record Created(CustomWorkflowExtension extension) implements ExtensionEvent {
    public UUID extensionId() {
      return extension.id();
    }
  }

  record Updated(CustomWorkflowExtension extension) implements ExtensionEvent {
    public UUID extensionId() {
      return extension.id();
    }
  }

  record Deleted(UUID extensionId, UUID catalogId) implements ExtensionEvent {
  }
}
