package org.quartermaster.request.approvals.web;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.platform.security.Callers;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.platform.web.ODataCollection;
import org.quartermaster.request.approvals.application.ApprovalService;
import org.quartermaster.request.approvals.application.ApprovalService.ApprovalRead;
import org.quartermaster.request.approvals.domain.ReviewResult;
import org.quartermaster.request.approvals.domain.Stage;
import org.quartermaster.request.common.web.Api;
import org.quartermaster.request.common.web.EntitlementScopes;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Graph's accessPackageAssignmentApprovals: an approval's id is its request's, and v1.0's {@code stages} are beta's
 * {@code steps}, one model under two spellings. Approvers decide with PATCH; anyone involved (an approver of a started
 * stage, the requestor, the target) or an administrator may read.
 */
@RestController
public class ApprovalsController {

  static final String V1 = Api.V1 + "/accessPackageAssignmentApprovals";
  static final String BETA = Api.BETA + "/accessPackageAssignmentApprovals";
  static final String ENTITY_SET = "identityGovernance/entitlementManagement/accessPackageAssignmentApprovals";
  /** {@code filterByCurrentUser(on='approver')}, with the quotes optional and any spacing. */
  private static final Pattern FILTER_BY_CURRENT_USER =
      Pattern.compile("filterByCurrentUser\\(\\s*on\\s*=\\s*'?([A-Za-z]*)'?\\s*\\)", Pattern.CASE_INSENSITIVE);

  private final ApprovalService approvals;

  public ApprovalsController(ApprovalService approvals) {
    this.approvals = approvals;
  }

  /** One approval, or Graph's {@code filterByCurrentUser(on='approver')}: the approvals waiting for the caller. */
  @GetMapping({V1 + "/{key}", BETA + "/{key}"})
  public Mono<Object> get(@PathVariable String key, ServerHttpRequest http) {
    Matcher function = FILTER_BY_CURRENT_USER.matcher(key.trim());
    if (function.matches()) {
      return awaitingCaller(function.group(1), http).map(Object.class::cast);
    }
    UUID id = guid(key, "id");
    boolean beta = beta(http);
    return Callers.current().flatMap(caller -> approvals.read(id, EntitlementScopes.requester(caller))
        .map(read -> beta ? BetaApprovalView.of(read, caller.objectId(), context(http, "/$entity"))
            : ApprovalView.of(read, caller.objectId(), context(http, "/$entity"))));
  }

  private Mono<ODataCollection<Object>> awaitingCaller(String on, ServerHttpRequest http) {
    if (!on.equalsIgnoreCase("approver")) {
      return Mono.error(GraphException.badRequest("Parameter 'on' of filterByCurrentUser must be 'approver' for "
          + "accessPackageAssignmentApprovals, not '" + on + "'."));
    }
    boolean beta = beta(http);
    return Callers.current().flatMap(caller -> approvals.awaiting(caller.objectId()).map(found ->
        new ODataCollection<>(context(http, ""), null, found.stream().<Object>map(read -> beta
            ? BetaApprovalView.of(read, caller.objectId(), null) : ApprovalView.of(read, caller.objectId(), null))
            .toList(), null)));
  }

  @GetMapping({V1 + "/{id}/stages", BETA + "/{id}/steps"})
  public Mono<ODataCollection<StageView>> stages(@PathVariable String id, ServerHttpRequest http) {
    UUID requestId = guid(id, "id");
    String navigation = beta(http) ? "steps" : "stages";
    return Callers.current().flatMap(caller -> approvals.read(requestId, EntitlementScopes.requester(caller))
        .map(read -> new ODataCollection<>(context(http, "('" + requestId + "')/" + navigation), null,
            ApprovalView.stages(read, caller.objectId()), null)));
  }

  @GetMapping({V1 + "/{id}/stages/{stageId}", BETA + "/{id}/steps/{stageId}"})
  public Mono<StageView> stage(@PathVariable String id, @PathVariable String stageId) {
    UUID requestId = guid(id, "id");
    UUID stage = guid(stageId, "stageId");
    return Callers.current().flatMap(caller -> approvals.read(requestId, EntitlementScopes.requester(caller))
        .map(read -> stageView(read, stage, caller.objectId())));
  }

  @PatchMapping({V1 + "/{id}/stages/{stageId}", BETA + "/{id}/steps/{stageId}"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> decide(@PathVariable String id, @PathVariable String stageId, @RequestBody DecisionBody body) {
    UUID requestId = guid(id, "id");
    UUID stage = guid(stageId, "stageId");
    return Callers.current().flatMap(caller -> Mono.fromCallable(() -> ReviewResult.parse(body.reviewResult()))
        .flatMap(result -> approvals.decide(requestId, stage, EntitlementScopes.requester(caller), result,
            body.justification())))
        .then();
  }

  private static StageView stageView(ApprovalRead read, UUID stageId, UUID caller) {
    Stage stage = read.request().stageOf(stageId);
    return ApprovalView.stages(read, caller).stream().filter(view -> view.id().equals(stage.id().toString()))
        .findFirst().orElseThrow();
  }

  private static String context(ServerHttpRequest http, String suffix) {
    URI uri = http.getURI();
    String version = beta(http) ? "beta" : "v1.0";
    return uri.getScheme() + "://" + uri.getAuthority() + "/" + version + "/$metadata#" + ENTITY_SET + suffix;
  }

  private static boolean beta(ServerHttpRequest http) {
    return http.getPath().pathWithinApplication().value().startsWith("/beta/");
  }

  static UUID guid(String value, String property) {
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw GraphException.badRequest("Invalid value '" + value + "' for '" + property + "': expected a GUID.");
    }
  }

}
