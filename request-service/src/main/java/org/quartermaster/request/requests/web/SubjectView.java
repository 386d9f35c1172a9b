package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.quartermaster.request.directory.domain.DirectoryUser;

/**
 * An accessPackageSubject: the directory user a request targets or was made by. Quartermaster's subjects are
 * directory users, so the subject's id is the user's. v1.0 names the kind subjectType, beta type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectView(String id, String objectId, String displayName, String principalName, String email,
    String subjectType, String type) {

  static SubjectView of(DirectoryUser user, boolean beta) {
    if (user == null) {
      return null;
    }
    String id = user.id().toString();
    return new SubjectView(id, id, user.displayName(), user.userPrincipalName(), user.mail(), beta ? null : "user",
        beta ? "User" : null);
  }
}
