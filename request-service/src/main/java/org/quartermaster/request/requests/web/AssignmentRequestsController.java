package org.quartermaster.request.requests.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.ExpandItem;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.security.Callers;
import org.quartermaster.platform.web.GraphCollections;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.platform.web.ODataCollection;
import org.quartermaster.request.common.domain.NotSupported;
import org.quartermaster.request.common.web.Api;
import org.quartermaster.request.common.web.EntitlementScopes;
import org.quartermaster.request.common.web.GraphNames;
import org.quartermaster.request.requests.application.AssignmentRequestService;
import org.quartermaster.request.requests.application.ExpandedRequest;
import org.quartermaster.request.requests.application.RequestExpander;
import org.quartermaster.request.requests.application.RequestExpansion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assignment requests under v1.0's {@code assignmentRequests} and beta's {@code accessPackageAssignmentRequests}: one
 * model, two spellings.
 */
@RestController
public class AssignmentRequestsController {

  static final String V1 = Api.V1 + "/assignmentRequests";
  static final String BETA = Api.BETA + "/accessPackageAssignmentRequests";
  static final String EM = "identityGovernance/entitlementManagement/";
  /** {@code filterByCurrentUser(on='target')}, with the quotes optional and any spacing. */
  private static final Pattern FILTER_BY_CURRENT_USER =
      Pattern.compile("filterByCurrentUser\\(\\s*on\\s*=\\s*'?([A-Za-z]+)'?\\s*\\)", Pattern.CASE_INSENSITIVE);

  private final AssignmentRequestService requests;
  private final RequestExpander expander;
  private final GraphCollections collections;
  private final JsonMapper json;

  public AssignmentRequestsController(AssignmentRequestService requests, RequestExpander expander,
      GraphCollections collections, JsonMapper json) {
    this.requests = requests;
    this.expander = expander;
    this.collections = collections;
    this.json = json;
  }

  @PostMapping({V1, BETA})
  public Mono<ResponseEntity<Object>> submit(@RequestBody AssignmentRequestBody body, ServerHttpRequest http) {
    boolean beta = beta(http);
    return Callers.current()
        .flatMap(caller -> Mono.fromCallable(body::toSubmission)
            .flatMap(submission -> requests.submit(submission, EntitlementScopes.requester(caller), body.validationOnly())))
        .map(request -> {
          Object view = view(ExpandedRequest.of(request), beta, body.validationOnly());
          // A validation-only request is not stored, so nothing was created.
          return body.validationOnly() ? ResponseEntity.ok(view)
              : ResponseEntity.created(URI.create(http.getURI() + "/" + request.id())).body(view);
        });
  }

  @GetMapping({V1, BETA})
  public Mono<ODataCollection<Object>> list(ServerHttpRequest http) {
    return EntitlementScopes.read().then(page(http, entitySet(http), Optional.empty()));
  }

  /** One request by id, or Graph's {@code filterByCurrentUser(on='target'|'createdBy'|'approver')} function. */
  @GetMapping({V1 + "/{key}", BETA + "/{key}"})
  public Mono<Object> get(@PathVariable String key, ServerHttpRequest http) {
    Matcher function = FILTER_BY_CURRENT_USER.matcher(key.trim());
    if (function.matches()) {
      return filterByCurrentUser(function.group(1), http).map(Object.class::cast);
    }
    UUID id = id(key);
    boolean beta = beta(http);
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, model(beta));
      return requests.get(id)
          .flatMap(found -> expander.expand(List.of(found), expansions(query.expand(), beta)))
          .map(expanded -> view(expanded.get(0), beta, false));
    }));
  }

  /** Delegated only: the caller's own requests, as target or as requestor, or those waiting for the caller's approval. */
  private Mono<ODataCollection<Object>> filterByCurrentUser(String on, ServerHttpRequest http) {
    String set = entitySet(http) + "/filterByCurrentUser";
    return Callers.current().flatMap(caller -> {
      switch (on.toLowerCase(Locale.ROOT)) {
        case "target":
          return page(http, set, requests.targeting(caller.objectId()));
        case "createdby":
          return page(http, set, requests.requestedBy(caller.objectId()));
        case "approver":
          return page(http, set, requests.awaitingDecisionBy(caller.objectId()));
        default:
          return Mono.error(new NotSupported("on", "filterByCurrentUser(on='" + on + "') is not supported; use on='target', "
              + "on='createdBy' or on='approver'."));
      }
    });
  }

  @PostMapping({V1 + "/{id}/cancel", BETA + "/{id}/cancel"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> cancel(@PathVariable String id) {
    return Callers.current().flatMap(caller -> requests.cancel(id(id), EntitlementScopes.requester(caller))).then();
  }

  @PostMapping({V1 + "/{id}/reprocess", BETA + "/{id}/reprocess"})
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<Void> reprocess(@PathVariable String id) {
    return Callers.current().flatMap(caller -> requests.reprocess(id(id), EntitlementScopes.requester(caller))).then();
  }

  // ---- mapping

  private Mono<ODataCollection<Object>> page(ServerHttpRequest http, String entitySet, Optional<SqlFragment> scope) {
    boolean beta = beta(http);
    return Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, model(beta));
      return requests.list(query, scope)
          .flatMap(page -> expander.expand(page.items(), expansions(query.expand(), beta))
              .map(expanded -> new Page<Object>(expanded.stream().map(item -> view(item, beta, false)).toList(),
                  page.hasMore(), page.count())))
          .map(page -> collections.respond(http, entitySet, query, page, json));
    });
  }

  static Object view(ExpandedRequest expanded, boolean beta, boolean validationOnly) {
    return beta ? BetaRequestView.of(expanded, validationOnly) : RequestView.of(expanded);
  }

  static Set<RequestExpansion> expansions(List<ExpandItem> expand, boolean beta) {
    Set<RequestExpansion> wanted = EnumSet.noneOf(RequestExpansion.class);
    if (GraphNames.expanded(expand, "accessPackage").isPresent()) {
      wanted.add(RequestExpansion.ACCESS_PACKAGE);
    }
    if (GraphNames.expanded(expand, "requestor").isPresent()) {
      wanted.add(RequestExpansion.REQUESTOR);
    }
    GraphNames.expanded(expand, beta ? "accessPackageAssignment" : "assignment").ifPresent(assignment -> {
      wanted.add(RequestExpansion.ASSIGNMENT);
      if (GraphNames.expanded(assignment.nested(), "target").isPresent()) {
        wanted.add(RequestExpansion.ASSIGNMENT_TARGET);
      }
    });
    return wanted;
  }

  private QueryModel model(boolean beta) {
    return requests.queryModel(beta);
  }

  private static String entitySet(ServerHttpRequest http) {
    return EM + (beta(http) ? "accessPackageAssignmentRequests" : "assignmentRequests");
  }

  private static boolean beta(ServerHttpRequest http) {
    return http.getPath().pathWithinApplication().value().startsWith("/beta/");
  }

  private static UUID id(String key) {
    try {
      return UUID.fromString(key.trim());
    } catch (IllegalArgumentException e) {
      throw GraphException.badRequest("Invalid value '" + key + "' for 'id': expected a GUID.");
    }
  }
}
