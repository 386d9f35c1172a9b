package org.quartermaster.extension.callouts.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body a callout POSTs: the flat PascalCase object Logic Apps built from the portal's trigger schema read
 * ({@code triggerBody()?['CallbackUriPath']}, {@code ['Assignment']?['Target']?['ObjectId']}), not the documented
 * camelCase customExtensionCalloutRequest. Names stand in for ids when the read models know them; a missing fact is
 * sent as null rather than left out, so a Logic App's schema always finds its keys.
 */
public record CalloutPayload(UUID calloutId, String stage, UUID requestId, String requestType, String requestState,
    String requestStatus, List<Map<String, Object>> answers, Duration callbackTimeout, Party accessPackage, Party catalog,
    UUID assignmentId, String assignmentState, String assignmentStatus, Party target, Party policy, Party requestor) {

  /** An entity as the payload names it: id, display name and, where it has one, description. */
  public record Party(UUID id, String displayName, String description) {
  }

  /** Graph-relative, as Microsoft's samples append it to {@code https://graph.microsoft.com/beta}. */
  public static String callbackUriPath(UUID requestId) {
    return "/identityGovernance/entitlementManagement/accessPackageAssignmentRequests/" + requestId + "/resume";
  }

  public Map<String, Object> toMap() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("AccessPackageAssignmentRequestId", string(requestId));
    body.put("CallbackUriPath", requestId == null ? null : callbackUriPath(requestId));
    body.put("CustomExtensionStageInstanceId", calloutId.toString());
    body.put("Stage", stage);
    body.put("RequestType", requestType);
    body.put("Answers", answers == null ? List.of() : answers);
    body.put("State", requestState);
    body.put("Status", requestStatus);
    if (callbackTimeout != null) {
      body.put("CallbackConfiguration", Map.of("DurationBeforeTimeout", callbackTimeout.toString()));
    }
    body.put("AccessPackage", described(accessPackage));
    body.put("AccessPackageCatalog", described(catalog));
    Map<String, Object> assignment = new LinkedHashMap<>();
    assignment.put("Id", string(assignmentId));
    assignment.put("State", assignmentState);
    assignment.put("Status", assignmentStatus);
    assignment.put("Target", subject(target));
    Map<String, Object> assignmentPolicy = new LinkedHashMap<>();
    assignmentPolicy.put("Id", policy == null ? null : string(policy.id()));
    assignmentPolicy.put("DisplayName", policy == null ? null : policy.displayName());
    assignment.put("AssignmentPolicy", assignmentPolicy);
    body.put("Assignment", assignment);
    body.put("Requestor", requestor == null ? null : subject(requestor));
    return body;
  }

  private static Map<String, Object> described(Party party) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("Id", party == null ? null : string(party.id()));
    map.put("DisplayName", party == null ? null : party.displayName());
    map.put("Description", party == null ? null : party.description());
    return map;
  }

  /** accessPackageSubject: Quartermaster's subjects are directory users, so the subject id is the object id. */
  private static Map<String, Object> subject(Party party) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("Id", party == null ? null : string(party.id()));
    map.put("ObjectId", party == null ? null : string(party.id()));
    map.put("DisplayName", party == null ? null : party.displayName());
    return map;
  }

  private static String string(UUID id) {
    return id == null ? null : id.toString();
  }
}
