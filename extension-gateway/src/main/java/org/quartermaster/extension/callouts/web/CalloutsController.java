package org.quartermaster.extension.callouts.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.extension.callouts.application.ResumeService;
import org.quartermaster.extension.callouts.domain.Callout;
import org.quartermaster.extension.common.web.Api;
import org.quartermaster.extension.common.web.EntitlementScopes;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.platform.security.Caller;
import org.quartermaster.platform.web.ODataCollection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.quartermaster.platform.security.Callers;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST assignmentRequests/{id}/resume} (beta: {@code accessPackageAssignmentRequests/{id}/resume}), 204; and
 * {@code GET /quartermaster/v1/assignmentRequests/{id}/customExtensionCalloutInstances}, the record of a request's
 * callouts in Graph's customExtensionCalloutInstance shape until request-service embeds it in the request.
 */
@RestController
public class CalloutsController {

  private final ResumeService resumes;

  public CalloutsController(ResumeService resumes) {
    this.resumes = resumes;
  }

  @PostMapping({Api.V1 + "/assignmentRequests/{requestId}/resume",
      Api.BETA + "/accessPackageAssignmentRequests/{requestId}/resume"})
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> resume(@PathVariable UUID requestId, @RequestBody JsonNode body) {
    return authorized(requestId).then(Mono.fromCallable(() -> callback(body)))
        .flatMap(callback -> resumes.resume(requestId, callback));
  }

  @GetMapping(Api.QUARTERMASTER + "/assignmentRequests/{requestId}/customExtensionCalloutInstances")
  public Mono<ODataCollection<Map<String, Object>>> instances(@PathVariable UUID requestId) {
    return authorized(requestId).thenMany(resumes.ofRequest(requestId)).map(CalloutsController::view).collectList()
        .map(values -> new ODataCollection<>(null, null, values, null));
  }

  /** Apps and holders of EntitlementManagement.ReadWrite.All, or the request's requestor and target. */
  private Mono<Void> authorized(UUID requestId) {
    return Callers.current().zipWith(EntitlementScopes.isAppOnly())
        .flatMap(caller -> resumes.authorize(requestId, caller.getT1().objectId(),
            caller.getT2() || privileged(caller.getT1())));
  }

  private static boolean privileged(Caller caller) {
    return caller.hasScope(EntitlementScopes.READ_WRITE_ALL);
  }

  static ResumeService.Callback callback(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new RuleViolation("body", "The request body must be a JSON object.");
    }
    JsonNode data = body.get("data");
    if (data == null || !data.isObject()) {
      throw new RuleViolation("data", "Property 'data' is required: an accessPackageAssignmentRequestCallbackData.");
    }
    String instance = text(data, "customExtensionStageInstanceId", "data.customExtensionStageInstanceId");
    if (instance == null) {
      throw new RuleViolation("data.customExtensionStageInstanceId",
          "Property 'data.customExtensionStageInstanceId' is required.");
    }
    UUID id;
    try {
      id = UUID.fromString(instance.trim());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("data.customExtensionStageInstanceId",
          "Property 'data.customExtensionStageInstanceId' must be a GUID, got '" + instance + "'.");
    }
    return new ResumeService.Callback(id, text(data, "state", "data.state"),
        text(data, "customExtensionStageInstanceDetail", "data.customExtensionStageInstanceDetail"),
        text(body, "source", "source"));
  }

  private static String text(JsonNode node, String name, String property) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new RuleViolation(property, "Property '" + property + "' has the wrong type: expected a string.");
    }
    return value.stringValue();
  }

  static Map<String, Object> view(Callout callout) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", callout.id().toString());
    view.put("customExtensionId", callout.extensionId().toString());
    view.put("detail", callout.detail());
    view.put("externalCorrelationId", null);
    view.put("status", callout.status().graphName());
    view.put("stage", callout.stage().graphName());
    view.put("attempts", callout.attempts());
    view.put("lastHttpStatus", callout.lastHttpStatus());
    view.put("nextAttemptDateTime", callout.nextAttemptAt() == null ? null : callout.nextAttemptAt().toString());
    return view;
  }
}
