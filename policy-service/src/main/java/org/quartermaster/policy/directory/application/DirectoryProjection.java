package org.quartermaster.policy.directory.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.policy.directory.persistence.DirectoryStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the read model of directory users and direct group memberships. */
@Component
public class DirectoryProjection implements EventHandler {

  private final DirectoryStore directory;

  public DirectoryProjection(DirectoryStore directory) {
    this.directory = directory;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof UserCreated created) {
      return upsert(created.getUser());
    }
    if (event instanceof UserUpdated updated) {
      return upsert(updated.getUser());
    }
    if (event instanceof UserDeleted deleted) {
      return directory.deleteUser(UUID.fromString(deleted.getUserId()));
    }
    if (event instanceof GroupMemberAdded added) {
      return directory.addMember(UUID.fromString(added.getGroupId()), UUID.fromString(added.getMemberId()));
    }
    if (event instanceof GroupMemberRemoved removed) {
      return directory.removeMember(UUID.fromString(removed.getGroupId()), UUID.fromString(removed.getMemberId()));
    }
    if (event instanceof GroupDeleted deleted) {
      return directory.deleteGroup(UUID.fromString(deleted.getGroupId()));
    }
    // Group attributes and owners do not decide who a policy admits.
    return Mono.empty();
  }

  private Mono<Void> upsert(DirectoryUser user) {
    return directory.upsertUser(UUID.fromString(user.getId()), user.getDisplayName(), user.getUserPrincipalName(),
        user.getUserType() == UserType.Member);
  }
}
