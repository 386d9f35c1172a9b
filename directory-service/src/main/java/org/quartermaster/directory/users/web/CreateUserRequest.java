package org.quartermaster.directory.users.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.quartermaster.directory.users.domain.UserProfile;
import org.quartermaster.directory.users.domain.UserType;

/** POST /users, with the properties Graph requires marked so. */
public record CreateUserRequest(
    @NotBlank(message = "is required") String displayName,
    @NotNull(message = "is required") Boolean accountEnabled,
    @NotBlank(message = "is required") String mailNickname,
    @NotBlank(message = "is required") String userPrincipalName,
    @NotNull(message = "is required") @Valid PasswordProfile passwordProfile,
    String mail,
    String userType,
    String department,
    String jobTitle,
    String givenName,
    String surname) {

  UserProfile toProfile() {
    return new UserProfile(displayName, userPrincipalName, mail, mailNickname, accountEnabled, UserType.parse(userType),
        department, jobTitle, givenName, surname);
  }

  /**
   * Validated and then dropped: Quartermaster's directory signs people in through an external
   * identity provider, so it never keeps a password.
   */
  public record PasswordProfile(
      @NotBlank(message = "is required") String password,
      Boolean forceChangePasswordNextSignIn,
      Boolean forceChangePasswordNextSignInWithMfa) {
  }
}
