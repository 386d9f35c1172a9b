package org.quartermaster.directory.users.web;

import org.quartermaster.directory.users.domain.UserPatch;

/** PATCH /users/{id}: only the properties present change. */
public record UpdateUserRequest(
    String displayName,
    String userPrincipalName,
    String mail,
    String mailNickname,
    Boolean accountEnabled,
    String userType,
    String department,
    String jobTitle,
    String givenName,
    String surname,
    CreateUserRequest.PasswordProfile passwordProfile) {

  UserPatch toPatch() {
    return new UserPatch(displayName, userPrincipalName, mail, mailNickname, accountEnabled, userType, department, jobTitle,
        givenName, surname);
  }
}
