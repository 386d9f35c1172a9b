package org.quartermaster.catalog.common.domain;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** An entity named in a refusal, so the client sees which one is in the way. */
public record Reference(UUID id, String displayName) {

  public String describe() {
    return "'" + displayName + "' (" + id + ")";
  }

  public static String describe(List<Reference> references) {
    return references.stream().map(Reference::describe).collect(Collectors.joining(", "));
  }
}
