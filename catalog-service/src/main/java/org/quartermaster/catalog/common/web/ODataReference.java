package org.quartermaster.catalog.common.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.quartermaster.platform.web.GraphException;

/** The body of a {@code $ref} call: {@code {"@odata.id": "https://graph.microsoft.com/v1.0/groups/{id}"}}. */
public record ODataReference(@JsonProperty("@odata.id") @NotBlank(message = "is required") String odataId) {

  /** The referenced object's id: the last path segment (or key predicate), whatever host the client wrote. */
  public UUID targetId() {
    String trimmed = odataId.trim();
    trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (last.endsWith(")") && last.contains("(")) {
      last = last.substring(last.indexOf('(') + 1, last.length() - 1).replace("'", "");
    }
    try {
      return UUID.fromString(last);
    } catch (IllegalArgumentException e) {
      throw GraphException.badRequest("Property '@odata.id' must reference an object by its GUID, not '" + odataId + "'.");
    }
  }
}
