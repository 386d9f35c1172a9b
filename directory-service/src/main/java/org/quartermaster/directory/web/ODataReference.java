package org.quartermaster.directory.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.quartermaster.platform.web.GraphException;

/** The body of a {@code $ref} call: {@code {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}}. */
public record ODataReference(@JsonProperty("@odata.id") @NotBlank(message = "is required") String odataId) {

  /** The referenced object's id: the last path segment, whatever host the client wrote. */
  public UUID targetId() {
    return idOf(odataId, "@odata.id");
  }

  public static UUID idOf(String reference, String property) {
    String trimmed = reference.endsWith("/") ? reference.substring(0, reference.length() - 1) : reference;
    String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (last.endsWith(")") && last.contains("('")) {
      last = last.substring(last.indexOf("('") + 2, last.length() - 2);
    }
    try {
      return UUID.fromString(last);
    } catch (IllegalArgumentException e) {
      throw GraphException.badRequest("Property '" + property + "' must reference a directory object by GUID, not '" + reference + "'.");
    }
  }
}
