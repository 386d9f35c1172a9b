package org.quartermaster.directory.groups.domain;

import java.util.List;

/** The attributes of a group an administrator sets. */
public record GroupProfile(
    String displayName,
    String description,
    String mailNickname,
    boolean mailEnabled,
    boolean securityEnabled,
    List<String> groupTypes) {

  public GroupProfile {
    groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
  }
}
