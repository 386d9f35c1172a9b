package org.quartermaster.catalog.packages.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.resources.domain.DirectoryGroupOrigin;

/** An incompatible group as Graph returns it: a directory group, from the catalog's read model of the directory. */
public record GroupView(
    @JsonProperty("@odata.type") String odataType,
    UUID id,
    String displayName,
    String description,
    String mailNickname,
    boolean mailEnabled,
    boolean securityEnabled,
    List<String> groupTypes) {

  public static GroupView of(DirectoryGroupOrigin group) {
    return new GroupView("#microsoft.graph.group", group.id(), group.displayName(), group.description(), group.mailNickname(),
        group.mailEnabled(), group.securityEnabled(), group.groupTypes());
  }
}
