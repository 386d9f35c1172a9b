package org.quartermaster.directory.groups.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.directory.groups.domain.Group;

/** A group as Graph returns it. */
public record GroupResource(
    @JsonProperty("@odata.type") @JsonInclude(JsonInclude.Include.NON_NULL) String odataType,
    UUID id,
    String displayName,
    String description,
    String mailNickname,
    boolean mailEnabled,
    boolean securityEnabled,
    List<String> groupTypes,
    Instant createdDateTime) {

  public static GroupResource of(Group group) {
    return of(group, null);
  }

  public static GroupResource asDirectoryObject(Group group) {
    return of(group, "#microsoft.graph.group");
  }

  private static GroupResource of(Group group, String odataType) {
    var p = group.profile();
    return new GroupResource(odataType, group.id(), p.displayName(), p.description(), p.mailNickname(), p.mailEnabled(),
        p.securityEnabled(), p.groupTypes(), group.createdDateTime());
  }
}
