package org.quartermaster.directory.events;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.directory.groups.domain.Group;
import org.quartermaster.directory.groups.domain.GroupEvent;
import org.quartermaster.directory.groups.domain.Relationship;
import org.quartermaster.directory.users.domain.User;
import org.quartermaster.directory.users.domain.UserEvent;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.directory.DirectoryGroup;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.GroupOwnerAdded;
import org.quartermaster.events.directory.GroupOwnerRemoved;
import org.quartermaster.events.directory.GroupUpdated;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.platform.outbox.DomainEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Translates the directory's domain events to their Avro form and appends them to the outbox. */
@Component
public class DirectoryEventPublisher {

  private final DomainEventPublisher publisher;

  public DirectoryEventPublisher(DomainEventPublisher publisher) {
    this.publisher = publisher;
  }

  public Mono<Void> users(List<UserEvent> events) {
    return publisher.publish(events, event -> event.user().id(), DirectoryEventPublisher::toAvro);
  }

  public Mono<Void> groups(List<GroupEvent> events) {
    return publisher.publish(events, GroupEvent::groupId, DirectoryEventPublisher::toAvro);
  }

  static SpecificRecord toAvro(UserEvent event, EventMetadata meta) {
    if (event instanceof UserEvent.Created created) {
      return new UserCreated(meta, snapshot(created.user()));
    }
    if (event instanceof UserEvent.Updated updated) {
      return new UserUpdated(meta, snapshot(updated.user()));
    }
    return new UserDeleted(meta, event.user().id().toString());
  }

  static SpecificRecord toAvro(GroupEvent event, EventMetadata meta) {
    String groupId = event.groupId().toString();
    if (event instanceof GroupEvent.Created created) {
      return new GroupCreated(meta, snapshot(created.group()));
    }
    if (event instanceof GroupEvent.Updated updated) {
      return new GroupUpdated(meta, snapshot(updated.group()));
    }
    if (event instanceof GroupEvent.RelationshipAdded added) {
      String userId = added.userId().toString();
      return added.relationship() == Relationship.MEMBER
          ? new GroupMemberAdded(meta, groupId, userId) : new GroupOwnerAdded(meta, groupId, userId);
    }
    if (event instanceof GroupEvent.RelationshipRemoved removed) {
      String userId = removed.userId().toString();
      return removed.relationship() == Relationship.MEMBER
          ? new GroupMemberRemoved(meta, groupId, userId) : new GroupOwnerRemoved(meta, groupId, userId);
    }
    return new GroupDeleted(meta, groupId);
  }

  private static DirectoryUser snapshot(User user) {
    var p = user.profile();
    return DirectoryUser.newBuilder()
        .setId(user.id().toString())
        .setDisplayName(p.displayName())
        .setUserPrincipalName(p.userPrincipalName())
        .setMail(p.mail())
        .setMailNickname(p.mailNickname())
        .setAccountEnabled(p.accountEnabled())
        .setUserType(UserType.valueOf(p.userType().graphName()))
        .setDepartment(p.department())
        .setJobTitle(p.jobTitle())
        .setManagerId(user.managerId() == null ? null : user.managerId().toString())
        .build();
  }

  private static DirectoryGroup snapshot(Group group) {
    var p = group.profile();
    return DirectoryGroup.newBuilder()
        .setId(group.id().toString())
        .setDisplayName(p.displayName())
        .setDescription(p.description())
        .setMailNickname(p.mailNickname())
        .setSecurityEnabled(p.securityEnabled())
        .setMailEnabled(p.mailEnabled())
        .setGroupTypes(p.groupTypes())
        .build();
  }
}
