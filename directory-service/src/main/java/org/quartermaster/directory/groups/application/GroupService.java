package org.quartermaster.directory.groups.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.directory.events.DirectoryEventPublisher;
import org.quartermaster.directory.groups.domain.Group;
import org.quartermaster.directory.groups.domain.GroupEvent;
import org.quartermaster.directory.groups.domain.GroupPatch;
import org.quartermaster.directory.groups.domain.GroupProfile;
import org.quartermaster.directory.groups.domain.Relationship;
import org.quartermaster.directory.groups.persistence.GroupStore;
import org.quartermaster.directory.users.domain.User;
import org.quartermaster.directory.users.persistence.UserStore;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Group and membership use cases, each one transaction over the group's rows and its outgoing events. */
@Service
public class GroupService {

  private final GroupStore groups;
  private final UserStore users;
  private final DirectoryEventPublisher events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public GroupService(GroupStore groups, UserStore users, DirectoryEventPublisher events,
      TransactionalOperator transactions, Clock clock) {
    this.groups = groups;
    this.users = users;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Mono<Group> create(GroupProfile profile, List<UUID> members, List<UUID> owners) {
    Change<Group, GroupEvent> change = Group.create(UUID.randomUUID(), profile, now());
    Group group = change.state();
    Mono<Group> create = requireUsers(members).then(requireUsers(owners))
        .then(groups.insert(group))
        .then(events.groups(change.events()))
        .then(addAll(group, members, Relationship.MEMBER))
        .then(addAll(group, owners, Relationship.OWNER))
        .thenReturn(group);
    return transactions.transactional(create);
  }

  public Mono<Group> get(UUID id) {
    return groups.find(id).switchIfEmpty(Mono.error(GraphException.notFound("group", id)));
  }

  /** What clients may filter, sort and select groups by. */
  public org.quartermaster.odata.QueryModel queryModel() {
    return GroupStore.QUERY_MODEL;
  }

  public Mono<Page<Group>> list(CollectionQuery query) {
    return groups.page(query, Optional.empty(), "groups g");
  }

  public Mono<Void> update(UUID id, GroupPatch patch) {
    return transactions.transactional(locked(id).flatMap(group -> {
      Change<Group, GroupEvent> change = group.update(patch);
      return change.changed() ? groups.update(change.state()).then(events.groups(change.events())) : Mono.empty();
    }));
  }

  public Mono<Void> delete(UUID id) {
    return transactions.transactional(locked(id).flatMap(group -> groups.relationshipsIn(id)
        .map(membership -> (GroupEvent) group.remove(membership.userId(), membership.relationship()))
        .collectList()
        .flatMap(removed -> {
          List<GroupEvent> all = new ArrayList<>(removed);
          all.add(group.delete());
          return groups.delete(id).then(events.groups(all));
        })));
  }

  /** Idempotent: an existing relationship is left alone and produces no event. */
  public Mono<Void> add(UUID groupId, UUID userId, Relationship relationship) {
    return transactions.transactional(locked(groupId)
        .flatMap(group -> requireUser(userId).then(add(group, userId, relationship))));
  }

  /** Idempotent: removing a relationship that does not exist succeeds and produces no event. */
  public Mono<Void> remove(UUID groupId, UUID userId, Relationship relationship) {
    return transactions.transactional(locked(groupId).flatMap(group ->
        groups.removeRelationship(groupId, userId, relationship)
            .flatMap(removed -> removed ? events.groups(List.of(group.remove(userId, relationship))) : Mono.empty())));
  }

  public Mono<Page<User>> related(UUID groupId, Relationship relationship, CollectionQuery query) {
    SqlFragment scope = new SqlFragment("r.group_id = :scopeGroup AND r.relationship = :scopeRelationship",
        java.util.Map.of("scopeGroup", groupId, "scopeRelationship", GroupStore.column(relationship)));
    return get(groupId).then(users.page(query, Optional.of(scope), "users u JOIN group_relationships r ON r.user_id = u.id"));
  }

  public Mono<Page<Group>> memberOf(UUID userId, CollectionQuery query) {
    SqlFragment scope = new SqlFragment("r.user_id = :scopeUser AND r.relationship = 'member'",
        java.util.Map.of("scopeUser", userId));
    return groups.page(query, Optional.of(scope), "groups g JOIN group_relationships r ON r.group_id = g.id");
  }

  private Mono<Group> locked(UUID id) {
    return groups.lock(id).switchIfEmpty(Mono.error(GraphException.notFound("group", id)));
  }

  private Mono<Void> addAll(Group group, List<UUID> userIds, Relationship relationship) {
    return Flux.fromIterable(userIds).concatMap(userId -> add(group, userId, relationship)).then();
  }

  private Mono<Void> add(Group group, UUID userId, Relationship relationship) {
    return groups.addRelationship(group.id(), userId, relationship, now())
        .flatMap(added -> added ? events.groups(List.of(group.add(userId, relationship))) : Mono.empty());
  }

  private Mono<Void> requireUsers(List<UUID> ids) {
    return Flux.fromIterable(ids).concatMap(this::requireUser).then();
  }

  private Mono<User> requireUser(UUID id) {
    return users.find(id).switchIfEmpty(Mono.error(new GraphException(org.springframework.http.HttpStatus.NOT_FOUND,
        "itemNotFound", "Directory object '" + id + "' does not exist or is not a user.")));
  }

  /** PostgreSQL keeps microseconds; truncating here makes a created entity equal to the one read back. */
  private java.time.Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
