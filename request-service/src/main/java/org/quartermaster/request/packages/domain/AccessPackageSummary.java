package org.quartermaster.request.packages.domain;

import java.util.UUID;

/** An access package as the catalog last described it: enough to validate a request and to expand it. */
public record AccessPackageSummary(UUID id, UUID catalogId, String displayName, String description, boolean hidden) {

  public String describe() {
    return "access package '" + displayName + "' (" + id + ")";
  }
}
