package org.quartermaster.directory.users.domain;

/** The attributes of a user an administrator sets; everything but identity, manager and timestamps. */
public record UserProfile(
    String displayName,
    String userPrincipalName,
    String mail,
    String mailNickname,
    boolean accountEnabled,
    UserType userType,
    String department,
    String jobTitle,
    String givenName,
    String surname) {
}
