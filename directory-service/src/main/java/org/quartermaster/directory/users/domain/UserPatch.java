package org.quartermaster.directory.users.domain;

/** A partial update: a null field is left as it is. */
public record UserPatch(
    String displayName,
    String userPrincipalName,
    String mail,
    String mailNickname,
    Boolean accountEnabled,
    String userType,
    String department,
    String jobTitle,
    String givenName,
    String surname) {
}
