package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.quartermaster.request.requests.application.ExpandedRequest;
import org.quartermaster.request.requests.domain.AssignmentRequest;

/**
 * An accessPackageAssignmentRequest as Graph v1.0 returns it; navigations only when expanded and known (an add's
 * assignment exists once provisioning created it). Graph has no property for why a request failed or was denied, so
 * the reason travels as an OData instance annotation, which Graph clients keep aside instead of rejecting.
 */
public record RequestView(
    String id,
    String requestType,
    String state,
    String status,
    Instant createdDateTime,
    Instant completedDateTime,
    String justification,
    ScheduleView schedule,
    List<AnswerView> answers,
    List<CalloutInstanceView> customExtensionCalloutInstances,
    @JsonInclude(JsonInclude.Include.NON_NULL) AccessPackageView accessPackage,
    @JsonInclude(JsonInclude.Include.NON_NULL) AssignmentView assignment,
    @JsonInclude(JsonInclude.Include.NON_NULL) SubjectView requestor,
    @JsonProperty("@quartermaster.reason") @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

  static RequestView of(ExpandedRequest expanded) {
    AssignmentRequest request = expanded.request();
    return new RequestView(request.id().toString(), request.type().graphName(), request.state().graphName(),
        request.status(), request.createdDateTime(), request.completedDateTime(), request.justification(),
        ScheduleView.of(request.schedule()), AnswerView.of(request.answers()),
        CalloutInstanceView.of(expanded.calloutInstances()),
        AccessPackageView.of(expanded.accessPackage(), false),
        AssignmentView.of(expanded.assignment(), expanded.assignmentTarget()),
        SubjectView.of(expanded.requestor(), false), request.failureReason());
  }
}
