package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.quartermaster.request.common.web.GraphNames;
import org.quartermaster.request.requests.application.ExpandedRequest;
import org.quartermaster.request.requests.domain.AssignmentRequest;

/**
 * An accessPackageAssignmentRequest as Graph beta returns it: requestType, requestState and requestStatus PascalCase,
 * completedDate, and a delivered request's status FulfilledNotificationTriggered, as the tutorials show. The reason
 * for a failure or denial is the same instance annotation as in v1.0. customExtensionCalloutInstances as in v1.0.
 */
public record BetaRequestView(
    String id,
    String requestType,
    String requestState,
    String requestStatus,
    Instant createdDateTime,
    Instant completedDate,
    Instant expirationDateTime,
    boolean isValidationOnly,
    String justification,
    ScheduleView schedule,
    List<AnswerView> answers,
    List<CalloutInstanceView> customExtensionCalloutInstances,
    @JsonInclude(JsonInclude.Include.NON_NULL) AccessPackageView accessPackage,
    @JsonInclude(JsonInclude.Include.NON_NULL) BetaAssignmentView accessPackageAssignment,
    @JsonInclude(JsonInclude.Include.NON_NULL) SubjectView requestor,
    @JsonProperty("@quartermaster.reason") @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

  static BetaRequestView of(ExpandedRequest expanded, boolean validationOnly) {
    AssignmentRequest request = expanded.request();
    return new BetaRequestView(request.id().toString(), GraphNames.beta(request.type()), GraphNames.beta(request.state()),
        request.betaStatus(), request.createdDateTime(), request.completedDateTime(),
        request.schedule().expiration().endDateTime(), validationOnly, request.justification(),
        ScheduleView.of(request.schedule()), AnswerView.of(request.answers()),
        CalloutInstanceView.of(expanded.calloutInstances()),
        AccessPackageView.of(expanded.accessPackage(), true),
        BetaAssignmentView.of(expanded.assignment(), expanded.assignmentTarget()),
        SubjectView.of(expanded.requestor(), true), request.failureReason());
  }
}
