package org.quartermaster.directory.groups.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.quartermaster.directory.groups.application.GroupService;
import org.quartermaster.directory.groups.domain.Relationship;
import org.quartermaster.directory.users.application.UserService;
import org.quartermaster.directory.users.web.UserResource;
import org.quartermaster.directory.web.ODataReference;
import org.quartermaster.platform.security.Scopes;
import org.quartermaster.platform.web.GraphCollections;
import org.quartermaster.platform.web.ODataCollection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Graph's /groups routes with members and owners, served identically under /v1.0 and /beta. */
@RestController
@RequestMapping({"/v1.0/groups", "/beta/groups"})
public class GroupsController {

  static final String[] WRITE_SCOPES = {"Group.ReadWrite.All", "Directory.ReadWrite.All"};
  static final String[] MEMBERSHIP_SCOPES = {"GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"};

  private final GroupService groups;
  private final UserService users;
  private final GraphCollections collections;
  private final JsonMapper json;

  public GroupsController(GroupService groups, UserService users, GraphCollections collections, JsonMapper json) {
    this.groups = groups;
    this.users = users;
    this.collections = collections;
    this.json = json;
  }

  @PostMapping
  public Mono<ResponseEntity<GroupResource>> create(@Valid @RequestBody CreateGroupRequest request, ServerHttpRequest http) {
    return Scopes.requireAny(WRITE_SCOPES)
        .then(Mono.defer(() -> groups.create(request.toProfile(), request.members(), request.owners())))
        .map(group -> ResponseEntity.created(URI.create(http.getURI() + "/" + group.id())).body(GroupResource.of(group)));
  }

  @GetMapping
  public Mono<ODataCollection<Object>> list(ServerHttpRequest http) {
    var query = collections.parse(http, groups.queryModel());
    return groups.list(query).map(page -> collections.respond(http, "groups", query, page.map(GroupResource::of), json));
  }

  @GetMapping("/{id}")
  public Mono<GroupResource> get(@PathVariable UUID id) {
    return groups.get(id).map(GroupResource::of);
  }

  @PatchMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> update(@PathVariable UUID id, @Valid @RequestBody UpdateGroupRequest request) {
    return Scopes.requireAny(WRITE_SCOPES).then(groups.update(id, request.toPatch()));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> delete(@PathVariable UUID id) {
    return Scopes.requireAny(WRITE_SCOPES).then(groups.delete(id));
  }

  @GetMapping("/{id}/members")
  public Mono<ODataCollection<Object>> members(@PathVariable UUID id, ServerHttpRequest http) {
    return related(id, Relationship.MEMBER, "members", http);
  }

  @GetMapping("/{id}/owners")
  public Mono<ODataCollection<Object>> owners(@PathVariable UUID id, ServerHttpRequest http) {
    return related(id, Relationship.OWNER, "owners", http);
  }

  @PostMapping("/{id}/members/$ref")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> addMember(@PathVariable UUID id, @Valid @RequestBody ODataReference reference) {
    return Scopes.requireAny(MEMBERSHIP_SCOPES).then(Mono.fromCallable(reference::targetId))
        .flatMap(userId -> groups.add(id, userId, Relationship.MEMBER));
  }

  @DeleteMapping("/{id}/members/{memberId}/$ref")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> removeMember(@PathVariable UUID id, @PathVariable UUID memberId) {
    return Scopes.requireAny(MEMBERSHIP_SCOPES).then(groups.remove(id, memberId, Relationship.MEMBER));
  }

  @PostMapping("/{id}/owners/$ref")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> addOwner(@PathVariable UUID id, @Valid @RequestBody ODataReference reference) {
    return Scopes.requireAny(WRITE_SCOPES).then(Mono.fromCallable(reference::targetId))
        .flatMap(userId -> groups.add(id, userId, Relationship.OWNER));
  }

  @DeleteMapping("/{id}/owners/{ownerId}/$ref")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> removeOwner(@PathVariable UUID id, @PathVariable UUID ownerId) {
    return Scopes.requireAny(WRITE_SCOPES).then(groups.remove(id, ownerId, Relationship.OWNER));
  }

  private Mono<ODataCollection<Object>> related(UUID id, Relationship relationship, String navigation, ServerHttpRequest http) {
    var query = collections.parse(http, users.queryModel());
    return groups.related(id, relationship, query).map(page -> collections.respond(http,
        "groups('" + id + "')/" + navigation, query, page.map(UserResource::asDirectoryObject), json));
  }
}
