package org.quartermaster.catalog.catalogs.domain;

import java.util.UUID;

/** What happened to a catalog itself; its resources have their own events on the same topic and key. */
public sealed interface CatalogEvent {

  UUID catalogId();

  /** A catalog was created, the built-in General one included. */
  record Created(Catalog catalog) implements CatalogEvent {
    public UUID catalogId() {
      return catalog.id();
    }
  }

  /** A catalog's attributes changed; carries the whole new state. */
  record Updated(Catalog catalog) implements CatalogEvent {
    public UUID catalogId() {
      return catalog.id();
    }
  }

  /** A catalog was deleted. */
  record Deleted(UUID catalogId) implements CatalogEvent {
  }
}
