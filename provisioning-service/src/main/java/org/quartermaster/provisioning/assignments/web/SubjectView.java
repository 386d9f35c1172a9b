package org.quartermaster.provisioning.assignments.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.quartermaster.provisioning.directory.domain.DirectoryUser;

/**
 * Graph's accessPackageSubject (v1.0) for a directory user. The subject has an id of its own, distinct from the
 * user's {@code objectId}, as in Entra; it is derived from the user id so it is stable.
 */
public record SubjectView(String id, String objectId, String displayName, String email, String principalName,
    String onPremisesSecurityIdentifier, String subjectType) {

  public static SubjectView of(UUID userId, DirectoryUser user) {
    return new SubjectView(subjectId(userId), userId.toString(), user == null ? null : user.displayName(),
        user == null ? null : email(user), user == null ? null : user.userPrincipalName(), null, "user");
  }

  static String subjectId(UUID userId) {
    return UUID.nameUUIDFromBytes(("subject:" + userId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String email(DirectoryUser user) {
    return user.mail() != null ? user.mail() : user.userPrincipalName();
  }
}
