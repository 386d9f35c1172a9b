package org.quartermaster.directory.groups.web;

import org.quartermaster.directory.groups.domain.GroupPatch;

/** PATCH /groups/{id}: only the properties present change. */
public record UpdateGroupRequest(String displayName, String description, String mailNickname, Boolean mailEnabled,
    Boolean securityEnabled) {

  GroupPatch toPatch() {
    return new GroupPatch(displayName, description, mailNickname, mailEnabled, securityEnabled);
  }
}
