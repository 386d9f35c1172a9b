package org.quartermaster.directory.users.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.directory.events.DirectoryEventPublisher;
import org.quartermaster.directory.groups.domain.GroupEvent;
import org.quartermaster.directory.groups.persistence.GroupStore;
import org.quartermaster.directory.users.domain.User;
import org.quartermaster.directory.users.domain.UserEvent;
import org.quartermaster.directory.users.domain.UserPatch;
import org.quartermaster.directory.users.domain.UserProfile;
import org.quartermaster.directory.users.persistence.UserStore;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** User use cases: each writes the user and its events in one transaction. */
@Service
public class UserService {

  private final UserStore users;
  private final GroupStore groups;
  private final DirectoryEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public UserService(UserStore users, GroupStore groups, DirectoryEventPublisher events,
      TransactionalOperator transactions, Clock clock) {
    this.users = users;
    this.groups = groups;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Mono<User> create(UserProfile profile) {
    Change<User, UserEvent> change = User.create(UUID.randomUUID(), profile, now());
    Mono<User> create = users.userPrincipalNameTaken(profile.userPrincipalName(), change.state().id())
        .flatMap(taken -> taken ? Mono.error(upnConflict(profile.userPrincipalName()))
            : users.insert(change.state()).then(events.users(change.events())).thenReturn(change.state()));
    return transactions.transactional(create)
        .onErrorMap(DataIntegrityViolationException.class, e -> upnConflict(profile.userPrincipalName()));
  }

  /** Graph addresses a user by id or by userPrincipalName. */
  public Mono<User> get(String idOrUserPrincipalName) {
    Optional<UUID> id = parseId(idOrUserPrincipalName);
    Mono<User> found = id.isPresent() ? users.find(id.get()) : users.findByUserPrincipalName(idOrUserPrincipalName);
    return found.switchIfEmpty(Mono.error(GraphException.notFound("user", idOrUserPrincipalName)));
  }

  /** What clients may filter, sort and select users by. */
  public org.quartermaster.odata.QueryModel queryModel() {
    return UserStore.QUERY_MODEL;
  }

  public Mono<Page<User>> list(CollectionQuery query) {
    return users.page(query, Optional.empty(), "users u");
  }

  public Mono<Void> update(String idOrUserPrincipalName, UserPatch patch) {
    return transactions.transactional(locked(idOrUserPrincipalName).flatMap(user -> {
      Change<User, UserEvent> change = user.update(patch);
      if (!change.changed()) {
        return Mono.empty();
      }
      String upn = change.state().profile().userPrincipalName();
      return users.userPrincipalNameTaken(upn, user.id())
          .flatMap(taken -> taken ? Mono.error(upnConflict(upn)) : save(change));
    })).onErrorMap(DataIntegrityViolationException.class, e -> upnConflict(String.valueOf(patch.userPrincipalName())));
  }

  public Mono<Void> delete(String idOrUserPrincipalName) {
    return transactions.transactional(locked(idOrUserPrincipalName).flatMap(user ->
        groups.relationshipsOf(user.id())
            .map(membership -> (GroupEvent) new GroupEvent.RelationshipRemoved(membership.groupId(), user.id(),
                membership.relationship()))
            .collectList()
            // Consumers keyed by group learn of the lost memberships before the user disappears.
            .flatMap(removed -> events.groups(removed))
            .then(users.delete(user.id()))
            .then(events.users(user.delete().events()))));
  }

  public Mono<User> manager(String idOrUserPrincipalName) {
    return get(idOrUserPrincipalName).flatMap(user -> user.managerId() == null
        ? Mono.error(new GraphException(org.springframework.http.HttpStatus.NOT_FOUND, "itemNotFound",
            "User '" + idOrUserPrincipalName + "' has no manager."))
        : users.find(user.managerId()));
  }

  public Mono<Void> assignManager(String idOrUserPrincipalName, UUID managerId) {
    return transactions.transactional(users.find(managerId)
        .switchIfEmpty(Mono.error(GraphException.notFound("user", managerId)))
        .then(locked(idOrUserPrincipalName))
        .flatMap(user -> save(user.assignManager(managerId))));
  }

  public Mono<Void> removeManager(String idOrUserPrincipalName) {
    return transactions.transactional(locked(idOrUserPrincipalName).flatMap(user -> save(user.removeManager())));
  }

  private Mono<User> locked(String idOrUserPrincipalName) {
    return get(idOrUserPrincipalName).flatMap(user -> users.lock(user.id()));
  }

  private Mono<Void> save(Change<User, UserEvent> change) {
    return change.changed() ? users.update(change.state()).then(events.users(change.events())) : Mono.empty();
  }

  private static GraphException upnConflict(String upn) {
    return new GraphException(org.springframework.http.HttpStatus.BAD_REQUEST, "Request_BadRequest",
        "Another object with the same value for property userPrincipalName already exists: '" + upn + "'.");
  }

  static Optional<UUID> parseId(String value) {
    try {
      return value.length() == 36 ? Optional.of(UUID.fromString(value)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** For callers that resolve several users at once, such as a group's members@odata.bind. */
  public Mono<List<User>> requireAll(List<UUID> ids) {
    return reactor.core.publisher.Flux.fromIterable(ids)
        .concatMap(id -> users.find(id).switchIfEmpty(Mono.error(GraphException.notFound("user", id))))
        .collectList();
  }

  /** PostgreSQL keeps microseconds; truncating here makes a created entity equal to the one read back. */
  private java.time.Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
