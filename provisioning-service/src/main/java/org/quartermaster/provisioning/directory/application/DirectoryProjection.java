package org.quartermaster.provisioning.directory.application;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.Topics;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.GroupOwnerAdded;
import org.quartermaster.events.directory.GroupOwnerRemoved;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.platform.inbox.EventSubscription;
import org.quartermaster.provisioning.directory.domain.DirectoryUser;
import org.quartermaster.provisioning.directory.persistence.DirectoryStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model of the directory: its users (assignment targets) and its memberships, each with the principal
 * that made it, so provisioning can tell a membership it granted from one that was there before.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryProjection implements EventHandler {

  static final String USERS = "directory-users";
  static final String GROUPS = "directory-groups";
  static final String MEMBER = "member";
  static final String OWNER = "owner";

  private final DirectoryStore directory;

  public DirectoryProjection(DirectoryStore directory) {
    this.directory = directory;
  }

  @Bean
  EventSubscription directoryUsersSubscription() {
    return new EventSubscription(USERS, List.of(Topics.DIRECTORY_USERS), this);
  }

  @Bean
  EventSubscription directoryGroupsSubscription() {
    return new EventSubscription(GROUPS, List.of(Topics.DIRECTORY_GROUPS), this);
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
    if (event instanceof GroupMemberAdded added) {
      return directory.addRelationship(UUID.fromString(added.getGroupId()), UUID.fromString(added.getMemberId()), MEMBER,
          actor(event));
    }
    if (event instanceof GroupMemberRemoved removed) {
      return directory.removeRelationship(UUID.fromString(removed.getGroupId()), UUID.fromString(removed.getMemberId()), MEMBER);
    }
    if (event instanceof GroupOwnerAdded added) {
      return directory.addRelationship(UUID.fromString(added.getGroupId()), UUID.fromString(added.getOwnerId()), OWNER,
          actor(event));
    }
    if (event instanceof GroupOwnerRemoved removed) {
      return directory.removeRelationship(UUID.fromString(removed.getGroupId()), UUID.fromString(removed.getOwnerId()), OWNER);
    }
    if (event instanceof GroupDeleted deleted) {
      return directory.deleteGroup(UUID.fromString(deleted.getGroupId()));
    }
    // Group profiles are the catalog's concern.
    return Mono.empty();
  }

  static DirectoryUser user(org.quartermaster.events.directory.DirectoryUser user) {
    return new DirectoryUser(UUID.fromString(user.getId()), user.getDisplayName(), user.getUserPrincipalName(), user.getMail());
  }

  private static String actor(SpecificRecord event) {
    var actor = EventCodec.metadataOf(event).getActor();
    return actor == null || actor.getPrincipalId() == null ? null : actor.getPrincipalId();
  }
}
