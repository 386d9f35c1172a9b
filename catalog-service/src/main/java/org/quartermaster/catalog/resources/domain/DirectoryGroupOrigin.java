package org.quartermaster.catalog.resources.domain;

import java.util.List;
import java.util.UUID;

/** What the catalog knows of a directory group from the directory's events: enough to describe it as a resource. */
public record DirectoryGroupOrigin(UUID id, String displayName, String description, String mailNickname,
    boolean securityEnabled, boolean mailEnabled, List<String> groupTypes) {

  public DirectoryGroupOrigin {
    groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
  }

  /** The resourceType Entra shows for a group resource. */
  public String resourceType() {
    if (groupTypes.stream().anyMatch("Unified"::equalsIgnoreCase)) {
      return "Microsoft 365 Group";
    }
    if (securityEnabled && mailEnabled) {
      return "Mail-enabled Security Group";
    }
    return securityEnabled ? "Security Group" : "Distribution Group";
  }
}
