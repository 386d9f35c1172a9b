package org.quartermaster.request.directory.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.directory.persistence.DirectoryStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the read model of direct group memberships, which policies admitting "members of a group" are checked against. */
@Component
public class GroupMembershipsProjection implements EventHandler {

  private final DirectoryStore directory;

  public GroupMembershipsProjection(DirectoryStore directory) {
    this.directory = directory;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof GroupMemberAdded added) {
      return directory.addMember(UUID.fromString(added.getGroupId()), UUID.fromString(added.getMemberId()));
    }
    if (event instanceof GroupMemberRemoved removed) {
      return directory.removeMember(UUID.fromString(removed.getGroupId()), UUID.fromString(removed.getMemberId()));
    }
    if (event instanceof GroupDeleted deleted) {
      return directory.deleteGroup(UUID.fromString(deleted.getGroupId()));
    }
    // Group attributes and owners do not decide who may request.
    return Mono.empty();
  }
}
