package org.quartermaster.platform.testapp;

import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.directory.UserUpdated;

/** Real directory user events, built the way the directory's event publisher builds them. */
public final class UserEvents {

  private UserEvents() {
  }

  public static UserCreated created(EventMetadata metadata, String displayName) {
    return new UserCreated(metadata, snapshot(metadata, displayName));
  }

  public static UserUpdated updated(EventMetadata metadata, String displayName) {
    return new UserUpdated(metadata, snapshot(metadata, displayName));
  }

  private static DirectoryUser snapshot(EventMetadata metadata, String displayName) {
    String userId = String.valueOf(metadata.getAggregateId());
    return DirectoryUser.newBuilder()
        .setId(userId)
        .setDisplayName(displayName)
        .setUserPrincipalName(userId + "@contoso.onmicrosoft.com")
        .setAccountEnabled(true)
        .setUserType(UserType.Member)
        .build();
  }
}
