package org.quartermaster.catalog.resources.domain;

import java.util.UUID;

/** A role of a resource that an access package can grant, e.g. a group's Member role ({@code Member_{groupId}}). */
public record ResourceRole(UUID id, String originId, OriginSystem originSystem, String displayName, String description) {

  public String describe() {
    return "'" + displayName + "' (" + originId + ", id " + id + ")";
  }
}
