package org.quartermaster.directory.users.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.quartermaster.directory.groups.application.GroupService;
import org.quartermaster.directory.groups.web.GroupResource;
import org.quartermaster.directory.users.application.UserService;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Graph's /users routes, served identically under /v1.0 and /beta. */
@RestController
@RequestMapping({"/v1.0/users", "/beta/users"})
public class UsersController {

  static final String[] WRITE_SCOPES = {"User.ReadWrite.All", "Directory.ReadWrite.All"};

  private final UserService users;
  private final GroupService groups;
  private final GraphCollections collections;
  private final JsonMapper json;

  public UsersController(UserService users, GroupService groups, GraphCollections collections, JsonMapper json) {
    this.users = users;
    this.groups = groups;
    this.collections = collections;
    this.json = json;
  }

  @PostMapping
  public Mono<ResponseEntity<UserResource>> create(@Valid @RequestBody CreateUserRequest request, ServerHttpRequest http) {
    return Scopes.requireAny(WRITE_SCOPES)
        .then(Mono.fromCallable(request::toProfile))
        .flatMap(users::create)
        .map(user -> ResponseEntity.created(URI.create(http.getURI() + "/" + user.id())).body(UserResource.of(user)));
  }

  @GetMapping
  public Mono<ODataCollection<Object>> list(ServerHttpRequest http) {
    var query = collections.parse(http, users.queryModel());
    return users.list(query).map(page -> collections.respond(http, "users", query,
        page.map(UserResource::of), json));
  }

  @GetMapping("/{id}")
  public Mono<UserResource> get(@PathVariable String id) {
    return users.get(id).map(UserResource::of);
  }

  @PatchMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> update(@PathVariable String id, @Valid @RequestBody UpdateUserRequest request) {
    return Scopes.requireAny(WRITE_SCOPES).then(users.update(id, request.toPatch()));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> delete(@PathVariable String id) {
    return Scopes.requireAny(WRITE_SCOPES).then(users.delete(id));
  }

  @GetMapping("/{id}/manager")
  public Mono<UserResource> manager(@PathVariable String id) {
    return users.manager(id).map(UserResource::asDirectoryObject);
  }

  @PutMapping("/{id}/manager/$ref")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> assignManager(@PathVariable String id, @Valid @RequestBody ODataReference reference) {
    return Scopes.requireAny(WRITE_SCOPES).then(Mono.fromCallable(reference::targetId))
        .flatMap(managerId -> users.assignManager(id, managerId));
  }

  @DeleteMapping("/{id}/manager/$ref")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> removeManager(@PathVariable String id) {
    return Scopes.requireAny(WRITE_SCOPES).then(users.removeManager(id));
  }

  @GetMapping("/{id}/memberOf")
  public Mono<ODataCollection<Object>> memberOf(@PathVariable String id, ServerHttpRequest http) {
    var query = collections.parse(http, groups.queryModel());
    return users.get(id)
        .flatMap(user -> groups.memberOf(user.id(), query))
        .map(page -> collections.respond(http, "directoryObjects", query, page.map(GroupResource::asDirectoryObject), json));
  }
}
