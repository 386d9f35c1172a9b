package org.quartermaster.request.directory.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.directory.persistence.DirectoryStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the read model of directory users: who exists, and whether they are members or guests, and their managers. */
@Component
public class DirectoryUsersProjection implements EventHandler {

  private final DirectoryStore directory;

  public DirectoryUsersProjection(DirectoryStore directory) {
    this.directory = directory;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof UserCreated created) {
      return directory.upsertUser(user(created.getUser()));
    }
    if (event instanceof UserUpdated updated) {
      return directory.upsertUser(user(updated.getUser()));
    }
    if (event instanceof UserDeleted deleted) {
      return directory.deleteUser(UUID.fromString(deleted.getUserId()));
    }
    return Mono.empty();
  }

  static DirectoryUser user(org.quartermaster.events.directory.DirectoryUser user) {
    return new DirectoryUser(UUID.fromString(user.getId()), user.getDisplayName(), user.getUserPrincipalName(),
        user.getMail(), user.getUserType().name(), user.getAccountEnabled(),
        user.getManagerId() == null || user.getManagerId().isBlank() ? null : UUID.fromString(user.getManagerId()));
  }
}
