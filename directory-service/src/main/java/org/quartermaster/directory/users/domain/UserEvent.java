package org.quartermaster.directory.users.domain;

/** What happened to a user, for other services' read models. */
public sealed interface UserEvent {

  User user();

  /** A user was created. */
  record Created(User user) implements UserEvent {
  }

  /** Any attribute, including the manager, changed; carries the whole new state. */
  record Updated(User user) implements UserEvent {
  }

  /** The user was deleted. */
  record Deleted(User user) implements UserEvent {
  }
}
