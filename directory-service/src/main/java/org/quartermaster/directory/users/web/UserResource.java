package org.quartermaster.directory.users.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import org.quartermaster.directory.users.domain.User;

/**
 * A user as Graph returns it. The password profile is accepted on create and never returned.
 *
 * @param odataType present where a collection mixes directory object types, as Graph does
 */
public record UserResource(
    @JsonProperty("@odata.type") @JsonInclude(JsonInclude.Include.NON_NULL) String odataType,
    UUID id,
    String displayName,
    String userPrincipalName,
    String mail,
    String mailNickname,
    boolean accountEnabled,
    String userType,
    String department,
    String jobTitle,
    String givenName,
    String surname,
    Instant createdDateTime) {

  public static UserResource of(User user) {
    return of(user, null);
  }

  public static UserResource asDirectoryObject(User user) {
    return of(user, "#microsoft.graph.user");
  }

  private static UserResource of(User user, String odataType) {
    var p = user.profile();
    return new UserResource(odataType, user.id(), p.displayName(), p.userPrincipalName(), p.mail(), p.mailNickname(),
        p.accountEnabled(), p.userType().graphName(), p.department(), p.jobTitle(), p.givenName(), p.surname(),
        user.createdDateTime());
  }
}
