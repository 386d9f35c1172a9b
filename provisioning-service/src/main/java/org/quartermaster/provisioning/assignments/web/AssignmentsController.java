package org.quartermaster.provisioning.assignments.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.ExpandItem;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphCollections;
import org.quartermaster.platform.web.ODataCollection;
import org.quartermaster.provisioning.assignments.application.AssignmentExpansion;
import org.quartermaster.provisioning.assignments.application.AssignmentQueries;
import org.quartermaster.provisioning.assignments.application.AssignmentService;
import org.quartermaster.provisioning.assignments.application.ExpandedAssignment;
import org.quartermaster.provisioning.assignments.domain.Assignment;
import org.quartermaster.provisioning.assignments.domain.HeldRole;
import org.quartermaster.provisioning.common.web.Api;
import org.quartermaster.provisioning.common.web.EntitlementScopes;
import org.quartermaster.provisioning.directory.domain.DirectoryUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assignments, read-only as in Graph (requests create and end them), under the v1.0 name {@code assignments} and the
 * beta name {@code accessPackageAssignments}; the beta name answers in beta's shape under both versions, because the
 * v1.0 access-review scope queries use it. Beta also lists each assignment's resource roles on their own.
 */
@RestController
public class AssignmentsController {

  static final String EM = "identityGovernance/entitlementManagement/";
  static final String V1 = Api.V1 + "/assignments";
  static final String BETA_NAME = "/accessPackageAssignments";

  private final AssignmentQueries queries;
  private final AssignmentService assignments;
  private final GraphCollections collections;
  private final JsonMapper json;

  public AssignmentsController(AssignmentQueries queries, AssignmentService assignments, GraphCollections collections,
      JsonMapper json) {
    this.queries = queries;
    this.assignments = assignments;
    this.collections = collections;
    this.json = json;
  }

  // ---- v1.0: assignments

  @GetMapping(V1)
  public Mono<ODataCollection<Object>> list(ServerHttpRequest http) {
    return list(http, false);
  }

  @GetMapping(V1 + "/{id}")
  public Mono<Object> get(@PathVariable UUID id, ServerHttpRequest http) {
    return get(id, http, false);
  }

  // ---- beta shape: accessPackageAssignments

  @GetMapping({Api.BETA + BETA_NAME, Api.V1 + BETA_NAME})
  public Mono<ODataCollection<Object>> betaList(ServerHttpRequest http) {
    return list(http, true);
  }

  @GetMapping({Api.BETA + BETA_NAME + "/{id}", Api.V1 + BETA_NAME + "/{id}"})
  public Mono<Object> betaGet(@PathVariable UUID id, ServerHttpRequest http) {
    return get(id, http, true);
  }

  /** Graph answers 202: the roles are (re)granted by their systems afterwards. */
  @PostMapping({V1 + "/{id}/reprocess", Api.V1 + BETA_NAME + "/{id}/reprocess", Api.BETA + BETA_NAME + "/{id}/reprocess"})
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<Void> reprocess(@PathVariable UUID id) {
    return EntitlementScopes.write().then(assignments.reprocess(id));
  }

  // ---- beta: accessPackageAssignmentResourceRoles

  @GetMapping(Api.BETA + "/accessPackageAssignmentResourceRoles")
  public Mono<ODataCollection<Object>> resourceRoles(ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.roleQueryModel());
      return queries.roles(query).flatMap(page -> roleViews(page.items(), query.expand())
              .map(views -> new Page<Object>(views, page.hasMore(), page.count())))
          .map(page -> collections.respond(http, EM + "accessPackageAssignmentResourceRoles", query, page, json));
    }));
  }

  @GetMapping(Api.BETA + "/accessPackageAssignmentResourceRoles/{id}")
  public Mono<Object> resourceRole(@PathVariable UUID id, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.roleQueryModel());
      return queries.role(id).flatMap(role -> roleViews(List.of(role), query.expand())).map(views -> views.get(0));
    }));
  }

  // ---- mapping

  private Mono<ODataCollection<Object>> list(ServerHttpRequest http, boolean beta) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.queryModel(beta));
      return queries.list(query)
          .flatMap(page -> expanded(page.items(), query.expand(), beta)
              .map(views -> new Page<Object>(views, page.hasMore(), page.count())))
          .map(page -> collections.respond(http, EM + (beta ? "accessPackageAssignments" : "assignments"), query, page, json));
    }));
  }

  private Mono<Object> get(UUID id, ServerHttpRequest http, boolean beta) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, queries.queryModel(beta));
      return queries.get(id).flatMap(found -> expanded(List.of(found), query.expand(), beta)).map(views -> views.get(0));
    }));
  }

  private Mono<List<Object>> expanded(List<Assignment> page, List<ExpandItem> expand, boolean beta) {
    Set<AssignmentExpansion> wanted = EnumSet.noneOf(AssignmentExpansion.class);
    if (expands(expand, "target")) {
      wanted.add(AssignmentExpansion.TARGET);
    }
    if (expands(expand, "accessPackage")) {
      wanted.add(AssignmentExpansion.ACCESS_PACKAGE);
    }
    if (expands(expand, beta ? "accessPackageAssignmentPolicy" : "assignmentPolicy")) {
      wanted.add(AssignmentExpansion.ASSIGNMENT_POLICY);
    }
    boolean roles = beta && expands(expand, "accessPackageAssignmentResourceRoles");
    return queries.expand(page, wanted).map(items -> items.stream()
        .map(item -> beta ? (Object) BetaAssignmentView.of(item, roles) : AssignmentView.of(item)).toList());
  }

  private Mono<List<Object>> roleViews(List<HeldRole> roles, List<ExpandItem> expand) {
    boolean subject = expands(expand, "accessPackageSubject");
    boolean assignmentsToo = expands(expand, "accessPackageAssignments");
    Mono<Map<UUID, DirectoryUser>> users = subject
        ? queries.users(roles.stream().map(HeldRole::targetId).collect(Collectors.toSet())) : Mono.just(Map.of());
    Mono<Map<UUID, Assignment>> owners = assignmentsToo
        ? queries.assignments(roles.stream().map(HeldRole::assignmentId).collect(Collectors.toSet())) : Mono.just(Map.of());
    return Mono.zip(users, owners).map(loaded -> roles.stream().map(held -> (Object) BetaResourceRoleView.of(held.role(),
            subject ? BetaSubjectView.of(held.targetId(), loaded.getT1().get(held.targetId())) : null,
            assignmentsToo && loaded.getT2().containsKey(held.assignmentId())
                ? List.of(BetaAssignmentView.of(ExpandedAssignment.of(loaded.getT2().get(held.assignmentId())), false))
                : null))
        .toList());
  }

  private static boolean expands(List<ExpandItem> expand, String navigation) {
    return expand.stream().anyMatch(item -> item.name().equalsIgnoreCase(navigation));
  }
}
