package org.quartermaster.policy.policies.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphCollections;
import org.quartermaster.platform.web.ODataCollection;
import org.quartermaster.policy.common.web.Api;
import org.quartermaster.policy.common.web.EntitlementScopes;
import org.quartermaster.policy.common.web.GraphNames;
import org.quartermaster.policy.policies.application.ExpandedPolicy;
import org.quartermaster.policy.policies.application.PolicyRequirements;
import org.quartermaster.policy.policies.application.PolicyService;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assignment policies under v1.0 ({@code assignmentPolicies}) and beta ({@code accessPackageAssignmentPolicies})
 * names and shapes, the packages' contained policy lists, and getApplicablePolicyRequirements. Policies are replaced
 * with PUT, which answers 200 with the policy, as Graph does.
 */
@RestController
public class PoliciesController {

  static final String V1 = Api.V1 + "/assignmentPolicies";
  static final String BETA = Api.BETA + "/accessPackageAssignmentPolicies";
  static final String V1_PACKAGES = Api.V1 + "/accessPackages";
  static final String BETA_PACKAGES = Api.BETA + "/accessPackages";
  static final String EM = "identityGovernance/entitlementManagement/";

  private final PolicyService policies;
  private final PolicyRequirements requirements;
  private final GraphCollections collections;
  private final JsonMapper json;

  public PoliciesController(PolicyService policies, PolicyRequirements requirements, GraphCollections collections,
      JsonMapper json) {
    this.policies = policies;
    this.requirements = requirements;
    this.collections = collections;
    this.json = json;
  }

  @GetMapping({V1, BETA})
  public Mono<ODataCollection<Object>> list(ServerHttpRequest http) {
    return read(http, EM + (beta(http) ? "accessPackageAssignmentPolicies" : "assignmentPolicies"), policies::list);
  }

  @GetMapping({V1_PACKAGES + "/{packageId}/assignmentPolicies", BETA_PACKAGES + "/{packageId}/accessPackageAssignmentPolicies"})
  public Mono<ODataCollection<Object>> ofPackage(@PathVariable UUID packageId, ServerHttpRequest http) {
    String navigation = beta(http) ? "accessPackageAssignmentPolicies" : "assignmentPolicies";
    return read(http, EM + "accessPackages('" + packageId + "')/" + navigation,
        query -> policies.ofPackage(packageId, query));
  }

  @PostMapping(V1)
  public Mono<ResponseEntity<Object>> create(@RequestBody PolicyBody body, ServerHttpRequest http) {
    return EntitlementScopes.write()
        .flatMap(caller -> Mono.fromCallable(body::toNewPolicy)
            .flatMap(command -> policies.create(command, EntitlementScopes.actor(caller))))
        .map(created -> created(http, created));
  }

  @PostMapping(BETA)
  public Mono<ResponseEntity<Object>> createBeta(@RequestBody BetaPolicyBody body, ServerHttpRequest http) {
    return EntitlementScopes.write()
        .flatMap(caller -> Mono.fromCallable(body::toNewPolicy)
            .flatMap(command -> policies.create(command, EntitlementScopes.actor(caller))))
        .map(created -> created(http, created));
  }

  @GetMapping({V1 + "/{id}", BETA + "/{id}"})
  public Mono<Object> get(@PathVariable UUID id, ServerHttpRequest http) {
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, policies.queryModel(beta(http)));
      return policies.get(id)
          .flatMap(found -> policies.expand(List.of(found), GraphNames.expands(query.expand(), "accessPackage"),
              expandsCustomExtensions(query)))
          .map(expanded -> view(expanded.get(0), beta(http)));
    }));
  }

  @PutMapping(V1 + "/{id}")
  public Mono<Object> replace(@PathVariable UUID id, @RequestBody PolicyBody body, ServerHttpRequest http) {
    return EntitlementScopes.write()
        .flatMap(caller -> Mono.fromCallable(body::toReplacement)
            .flatMap(replacement -> policies.replace(id, replacement, EntitlementScopes.actor(caller))))
        .map(replaced -> view(ExpandedPolicy.of(replaced), false));
  }

  @PutMapping(BETA + "/{id}")
  public Mono<Object> replaceBeta(@PathVariable UUID id, @RequestBody BetaPolicyBody body) {
    return EntitlementScopes.write()
        .flatMap(caller -> Mono.fromCallable(body::toReplacement)
            .flatMap(replacement -> policies.replace(id, replacement, EntitlementScopes.actor(caller))))
        .map(replaced -> view(ExpandedPolicy.of(replaced), true));
  }

  @DeleteMapping({V1 + "/{id}", BETA + "/{id}"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> delete(@PathVariable UUID id) {
    return EntitlementScopes.write().then(Mono.defer(() -> policies.delete(id)));
  }

  /** Delegated: the caller is the token's oid, and the answer lists the policies they may request under themselves. */
  @PostMapping({V1_PACKAGES + "/{packageId}/getApplicablePolicyRequirements",
      BETA_PACKAGES + "/{packageId}/getApplicablePolicyRequirements"})
  public Mono<ODataCollection<Object>> applicablePolicyRequirements(@PathVariable UUID packageId, ServerHttpRequest http) {
    boolean beta = beta(http);
    return EntitlementScopes.read()
        .flatMap(caller -> requirements.applicableTo(packageId, caller.objectId()))
        .map(applicable -> new ODataCollection<>(metadata(http, "Collection(microsoft.graph."
                + "accessPackageAssignmentRequestRequirements)"), null,
            applicable.stream().map(policy -> beta ? (Object) RequirementsView.Beta.of(policy) : RequirementsView.of(policy))
                .toList(), null));
  }

  // ---- mapping

  private Mono<ODataCollection<Object>> read(ServerHttpRequest http, String entitySet,
      Function<CollectionQuery, Mono<Page<AssignmentPolicy>>> fetch) {
    boolean beta = beta(http);
    return EntitlementScopes.read().then(Mono.defer(() -> {
      CollectionQuery query = collections.parse(http, policies.queryModel(beta));
      return fetch.apply(query)
          .flatMap(page -> policies.expand(page.items(), GraphNames.expands(query.expand(), "accessPackage"),
                  expandsCustomExtensions(query))
              .map(expanded -> new Page<Object>(expanded.stream().map(item -> view(item, beta)).toList(), page.hasMore(),
                  page.count())))
          .map(page -> collections.respond(http, entitySet, query, page, json));
    }));
  }

  /**
   * {@code customExtensionStageSettings($expand=customExtension)}. The stage settings alone are always inline, so
   * {@code $expand=customExtensionStageSettings} changes nothing.
   */
  private static boolean expandsCustomExtensions(CollectionQuery query) {
    return GraphNames.expands(query.expand(), "customExtensionStageSettings", "customExtension");
  }

  private static ResponseEntity<Object> created(ServerHttpRequest http, AssignmentPolicy created) {
    return ResponseEntity.created(URI.create(http.getURI() + "/" + created.id()))
        .body(view(ExpandedPolicy.of(created), beta(http)));
  }

  private static Object view(ExpandedPolicy expanded, boolean beta) {
    return beta ? BetaPolicyView.of(expanded) : PolicyView.of(expanded);
  }

  private static boolean beta(ServerHttpRequest http) {
    return http.getPath().pathWithinApplication().value().startsWith("/beta/");
  }

  private static String metadata(ServerHttpRequest http, String fragment) {
    URI uri = http.getURI();
    return uri.getScheme() + "://" + uri.getAuthority() + "/" + (beta(http) ? "beta" : "v1.0") + "/$metadata#" + fragment;
  }
}
