package org.quartermaster.provisioning.assignments.web;

import java.util.UUID;
import org.quartermaster.provisioning.directory.domain.DirectoryUser;

/** Graph beta's accessPackageSubject: {@code type} "User" instead of v1.0's subjectType. */
public record BetaSubjectView(String id, String objectId, String displayName, String email, String principalName,
    String type, String altSecId, String connectedOrganizationId, String onPremisesSecurityIdentifier) {

  public static BetaSubjectView of(UUID userId, DirectoryUser user) {
    return new BetaSubjectView(SubjectView.subjectId(userId), userId.toString(), user == null ? null : user.displayName(),
        user == null ? null : SubjectView.email(user), user == null ? null : user.userPrincipalName(), "User", null, null, null);
  }
}
