package org.quartermaster.provisioning.assignments.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.ExpandItem;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphCollections;
import org.quartermaster.platform.web.GraphException;
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
 * v1.0 access-review scope queries use it. Beta also lists each assignment's resource roles on their own. The
 * {@code additionalAccess} function finds who holds two incompatible packages at once.
 */
@RestController
public class AssignmentsController {

  static final String EM = "identityGovernance/entitlementManagement/";
  static final String V1 = Api.V1 + "/assignments";
  static final String BETA_NAME = "/accessPackageAssignments";
  /** Graph's function, bound to the assignments collection; its parameters are parsed by {@link #PARAMETER}. */
  static final String ADDITIONAL_ACCESS = "/additionalAccess({parameters})";
  /** {@code name='value'}, with the quotes optional and any spacing, as in filterByCurrentUser. */
  static final Pattern PARAMETER = Pattern.compile("\\s*([A-Za-z]+)\\s*=\\s*('([^']*)'|[^,']*?)\\s*");

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

  /**
   * {@code additionalAccess(accessPackageId='a',incompatibleAccessPackageId='b')}: the current assignments to a of
   * everyone who also currently holds b, for the remediation step before an incompatibility is enforced (seed 002).
   */
  @GetMapping(V1 + ADDITIONAL_ACCESS)
  public Mono<ODataCollection<Object>> additionalAccess(@PathVariable String parameters, ServerHttpRequest http) {
    return additionalAccess(parameters, http, false);
  }

  @GetMapping({Api.BETA + BETA_NAME + ADDITIONAL_ACCESS, Api.V1 + BETA_NAME + ADDITIONAL_ACCESS})
  public Mono<ODataCollection<Object>> betaAdditionalAccess(@PathVariable String parameters, ServerHttpRequest http) {
    return additionalAccess(parameters, http, true);
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

  private Mono<ODataCollection<Object>> additionalAccess(String parameters, ServerHttpRequest http, boolean beta) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      Map<String, String> given = functionParameters(parameters);
      UUID accessPackage = guid(given, "accessPackageId");
      UUID incompatible = guid(given, "incompatibleAccessPackageId");
      if (accessPackage.equals(incompatible)) {
        throw GraphException.badRequest("Parameter 'incompatibleAccessPackageId' of additionalAccess must name another "
            + "access package than 'accessPackageId'; both are '" + accessPackage + "'.");
      }
      CollectionQuery query = collections.parse(http, queries.queryModel(beta));
      // Named like the service's other bound functions: the entity set, then the function.
      String set = EM + (beta ? "accessPackageAssignments" : "assignments") + "/additionalAccess";
      return queries.additionalAccess(query, accessPackage, incompatible)
          .flatMap(page -> expanded(page.items(), query.expand(), beta)
              .map(views -> new Page<Object>(views, page.hasMore(), page.count())))
          .map(page -> collections.respond(http, set, query, page, json));
    }));
  }

  /** The function's parameters by name; a name Graph's function does not take, or a repeated one, is refused. */
  static Map<String, String> functionParameters(String parameters) {
    Map<String, String> given = new HashMap<>();
    for (String pair : parameters.split(",", -1)) {
      Matcher parameter = PARAMETER.matcher(pair);
      if (!parameter.matches()) {
        throw GraphException.badRequest("additionalAccess takes accessPackageId='…' and incompatibleAccessPackageId='…'; "
            + "got '" + parameters + "'.");
      }
      String name = parameter.group(1);
      String known = switch (name.toLowerCase(Locale.ROOT)) {
        case "accesspackageid" -> "accessPackageId";
        case "incompatibleaccesspackageid" -> "incompatibleAccessPackageId";
        default -> throw GraphException.badRequest("additionalAccess has no parameter '" + name + "'; it takes "
            + "accessPackageId and incompatibleAccessPackageId.");
      };
      String value = parameter.group(3) != null ? parameter.group(3) : parameter.group(2);
      if (given.put(known, value.trim()) != null) {
        throw GraphException.badRequest("Parameter '" + known + "' of additionalAccess is given twice.");
      }
    }
    return given;
  }

  private static UUID guid(Map<String, String> given, String name) {
    String value = given.get(name);
    if (value == null || value.isEmpty()) {
      throw GraphException.badRequest("Parameter '" + name + "' of additionalAccess is required.");
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw GraphException.badRequest("Invalid value '" + value + "' for parameter '" + name + "' of additionalAccess: "
          + "expected a GUID.");
    }
  }

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
