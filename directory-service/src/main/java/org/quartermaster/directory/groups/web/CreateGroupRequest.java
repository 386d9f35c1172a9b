package org.quartermaster.directory.groups.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.quartermaster.directory.groups.domain.GroupProfile;
import org.quartermaster.directory.web.ODataReference;

/** POST /groups, including the {@code members@odata.bind} and {@code owners@odata.bind} shortcuts. */
public record CreateGroupRequest(
    @NotBlank(message = "is required") String displayName,
    String description,
    @NotNull(message = "is required") Boolean mailEnabled,
    @NotBlank(message = "is required") String mailNickname,
    @NotNull(message = "is required") Boolean securityEnabled,
    List<String> groupTypes,
    @JsonProperty("members@odata.bind") List<String> membersBind,
    @JsonProperty("owners@odata.bind") List<String> ownersBind) {

  GroupProfile toProfile() {
    return new GroupProfile(displayName, description, mailNickname, mailEnabled, securityEnabled, groupTypes);
  }

  List<UUID> members() {
    return ids(membersBind, "members@odata.bind");
  }

  List<UUID> owners() {
    return ids(ownersBind, "owners@odata.bind");
  }

  private static List<UUID> ids(List<String> references, String property) {
    return references == null ? List.of()
        : references.stream().map(reference -> ODataReference.idOf(reference, property)).distinct().toList();
  }
}
