package org.quartermaster.directory.groups.domain;

import java.util.UUID;

/** What happened to a group or its membership, for other services' read models. */
public sealed interface GroupEvent {

  UUID groupId();

  /** A group was created. */
  record Created(Group group) implements GroupEvent {
    public UUID groupId() {
      return group.id();
    }
  }

  /** A group's attributes changed; carries the whole new state. */
  record Updated(Group group) implements GroupEvent {
    public UUID groupId() {
      return group.id();
    }
  }

  /** A group was deleted. */
  record Deleted(UUID groupId) implements GroupEvent {
  }

  /** A user became a member or an owner. */
  record RelationshipAdded(UUID groupId, UUID userId, Relationship relationship) implements GroupEvent {
  }

  /** A user stopped being a member or an owner. */
  record RelationshipRemoved(UUID groupId, UUID userId, Relationship relationship) implements GroupEvent {
  }
}
