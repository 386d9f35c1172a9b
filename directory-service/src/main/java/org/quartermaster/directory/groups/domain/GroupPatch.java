package org.quartermaster.directory.groups.domain;

/** A partial update: a null field is left as it is. */
public record GroupPatch(String displayName, String description, String mailNickname, Boolean mailEnabled,
    Boolean securityEnabled) {
}
