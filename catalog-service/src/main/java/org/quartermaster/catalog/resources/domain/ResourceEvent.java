package org.quartermaster.catalog.resources.domain;

import java.util.UUID;

/** A resource joined or left a catalog; published under the catalog's key, after the catalog's own events. */
public sealed interface ResourceEvent {

  CatalogResource resource();

  default UUID catalogId() {
    return resource().catalogId();
  }

  /** A resource, with all its roles and scopes, was added to a catalog. */
  record Added(CatalogResource resource) implements ResourceEvent {
  }

  /** A resource left its catalog; carries its last state so consumers can drop its roles. */
  record Removed(CatalogResource resource) implements ResourceEvent {
  }
}
