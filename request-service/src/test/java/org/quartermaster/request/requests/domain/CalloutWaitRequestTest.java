package org.quartermaster.request.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.request.approvals.domain.ResolvedApprovers;
import org.quartermaster.request.approvals.domain.ReviewResult;
import org.quartermaster.request.extensions.domain.CalloutReport;
import org.quartermaster.request.extensions.domain.CalloutWait;
import org.quartermaster.request.extensions.domain.CustomExtension;
import org.quartermaster.request.extensions.domain.ExtensionStage;

/** A request held by launch-and-wait custom extensions: what submission, callbacks, failures and time do to it. */
class CalloutWaitRequestTest {

  static final Instant NOW = ApprovedRequestTest.NOW;
  static final String CREATED = "assignmentRequestCreated";
  static final String APPROVED = "assignmentRequestApproved";

  static CustomExtension waiting(String name, Duration timeout) {
    return new CustomExtension(UUID.randomUUID(), UUID.randomUUID(), CustomExtension.REQUEST_KIND, name, true, timeout);
  }

  static CalloutReport report(CalloutReport.Kind kind, AssignmentRequest request, CustomExtension extension,
      String stage, String detail) {
    return new CalloutReport(kind, request.id(), extension.id(), stage, true, detail);
  }

  static List<String> names(Change<AssignmentRequest, RequestEvent> change) {
    return change.events().stream().map(event -> event.getClass().getSimpleName()).toList();
  }

  static AssignmentRequest submittedWaitingFor(CustomExtension... extensions) {
    return AssignmentRequest.submit(UUID.randomUUID(), ApprovedRequestTest.add(RequestSchedule.NONE),
        ApprovedRequestTest.REQUESTOR, List.of(extensions), NOW).state();
  }

  @Test
  void onlyLaunchAndWaitRequestExtensionsHoldASubmissionAndARemovalNeverWaits() {
    CustomExtension continuing = new CustomExtension(UUID.randomUUID(), UUID.randomUUID(), CustomExtension.REQUEST_KIND,
        "Notify", false, null);
    CustomExtension preExpiry = new CustomExtension(UUID.randomUUID(), UUID.randomUUID(),
        "accessPackageAssignmentWorkflowExtension", "Reminder", true, Duration.ofMinutes(5));
    Change<AssignmentRequest, RequestEvent> notHeld = AssignmentRequest.submit(UUID.randomUUID(),
        ApprovedRequestTest.add(RequestSchedule.NONE), ApprovedRequestTest.REQUESTOR, List.of(continuing, preExpiry), NOW);
    assertThat(names(notHeld)).containsExactly("Created", "DeliveryRequested");

    CustomExtension check = waiting("Check", Duration.ofMinutes(10));
    Change<AssignmentRequest, RequestEvent> held = AssignmentRequest.submit(UUID.randomUUID(),
        ApprovedRequestTest.add(RequestSchedule.NONE), ApprovedRequestTest.REQUESTOR, List.of(check, continuing), NOW);
    assertThat(names(held)).containsExactly("Created");
    assertThat(held.state().state()).isEqualTo(RequestState.SUBMITTED);
    assertThat(held.state().status()).isEqualTo("WaitingForCallback");
    assertThat(held.state().calloutDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(11)));

    ValidSubmission removal = new ValidSubmission(RequestType.ADMIN_REMOVE, UUID.randomUUID(), UUID.randomUUID(),
        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, List.of(), RequestSchedule.NONE);
    assertThat(names(AssignmentRequest.submit(UUID.randomUUID(), removal, UUID.randomUUID(), List.of(check), NOW)))
        .containsExactly("Created", "DeliveryRequested");
  }

  @Test
  void everyExtensionMustCallBackBeforeTheRequestGoesOnAndRepeatsChangeNothing() {
    CustomExtension first = waiting("First", Duration.ofMinutes(10));
    CustomExtension second = waiting("Second", Duration.ofMinutes(10));
    AssignmentRequest request = submittedWaitingFor(first, second);

    Change<AssignmentRequest, RequestEvent> one = request.hear(
        report(CalloutReport.Kind.CALLBACK_RECEIVED, request, first, CREATED, "ok"), NOW);
    assertThat(one.events()).isEmpty();
    assertThat(one.state().waitingForCallback()).isTrue();
    assertThat(one.state().passed(ExtensionStage.ASSIGNMENT_REQUEST_CREATED)).isFalse();
    // The same callback again, and one at another stage: nothing.
    assertThat(one.state().hear(report(CalloutReport.Kind.CALLBACK_RECEIVED, one.state(), first, CREATED, "ok"), NOW)
        .state()).isEqualTo(one.state());
    assertThat(one.state().hear(report(CalloutReport.Kind.CALLBACK_DENIED, one.state(), second, APPROVED, "no"), NOW)
        .state()).isEqualTo(one.state());

    AssignmentRequest both = one.state().hear(
        report(CalloutReport.Kind.CALLBACK_RECEIVED, one.state(), second, CREATED, "ok"), NOW).state();
    assertThat(both.passed(ExtensionStage.ASSIGNMENT_REQUEST_CREATED)).isTrue();
    assertThat(both.waitingForCallback()).isFalse();

    Change<AssignmentRequest, RequestEvent> delivery = both.requestDelivery(Optional.empty(), NOW);
    assertThat(names(delivery)).containsExactly("DeliveryRequested");
    assertThat(delivery.state().status()).isEqualTo("Accepted");
    assertThat(delivery.state().calloutWait()).isNull();
    Change<AssignmentRequest, RequestEvent> refused = both.requestDelivery(Optional.of("incompatible"), NOW);
    assertThat(names(refused)).containsExactly("Denied");
    assertThat(refused.state().failureReason()).isEqualTo("incompatible");
  }

  @Test
  void aDenialATimeoutAndALaunchAndWaitFailureDenyWithTheirReasons() {
    CustomExtension check = waiting("Check", Duration.ofMinutes(10));
    AssignmentRequest request = submittedWaitingFor(check);

    Change<AssignmentRequest, RequestEvent> denied = request.hear(
        report(CalloutReport.Kind.CALLBACK_DENIED, request, check, CREATED, "Not verified"), NOW);
    assertThat(names(denied)).containsExactly("Denied");
    assertThat(denied.state().state()).isEqualTo(RequestState.DENIED);
    assertThat(denied.state().failureReason())
        .isEqualTo("denied by custom extension 'Check' at stage assignmentRequestCreated: Not verified");
    assertThat(denied.state().completedDateTime()).isEqualTo(NOW);
    assertThat(denied.state().calloutWait()).isNull();

    assertThat(request.hear(report(CalloutReport.Kind.TIMED_OUT, request, check, CREATED, "callback timed out"), NOW)
        .state().failureReason()).isEqualTo("callback timed out: custom extension 'Check' at stage assignmentRequestCreated");
    assertThat(request.hear(report(CalloutReport.Kind.FAILED, request, check, CREATED, "HTTP 500"), NOW).state()
        .failureReason()).isEqualTo("custom extension 'Check' failed at stage assignmentRequestCreated: HTTP 500");
    CalloutReport continuingFailure = new CalloutReport(CalloutReport.Kind.FAILED, request.id(), check.id(), CREATED,
        false, "HTTP 500");
    assertThat(request.hear(continuingFailure, NOW).state()).isEqualTo(request);
  }

  @Test
  void theSafetyDeadlineRunsFromTheCallAndDeniesOnlyOnceItPassed() {
    CustomExtension check = waiting("Check", Duration.ofMinutes(5));
    AssignmentRequest request = submittedWaitingFor(check);
    assertThat(request.expireWait(NOW.plus(Duration.ofMinutes(5))).state()).isEqualTo(request);

    // The gateway's retries took two minutes: its timeout, and the safety net, start from the call.
    AssignmentRequest invoked = request.hear(report(CalloutReport.Kind.INVOKED, request, check, CREATED, null),
        NOW.plus(Duration.ofMinutes(2))).state();
    assertThat(invoked.calloutDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(8)));
    assertThat(invoked.expireWait(NOW.plus(Duration.ofMinutes(7))).events()).isEmpty();

    Change<AssignmentRequest, RequestEvent> expired = invoked.expireWait(NOW.plus(Duration.ofMinutes(8)));
    assertThat(names(expired)).containsExactly("Denied");
    assertThat(expired.state().failureReason())
        .isEqualTo("callback timed out: custom extension 'Check' at stage assignmentRequestCreated");
    assertThat(CalloutWait.SAFETY_MARGIN).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void anApprovedStageWaitAnnouncesApprovedOnceAndReleasesAfterTheCallback() {
    Change<AssignmentRequest, RequestEvent> submitted = ApprovedRequestTest.submitted(RequestSchedule.NONE);
    UUID stage = submitted.state().approval().stages().get(0).id();
    AssignmentRequest approved = submitted.state().decide(stage, ApprovedRequestTest.APPROVER, ReviewResult.APPROVE,
        null, ResolvedApprovers.NONE, NOW).state();
    CustomExtension ticket = waiting("Ticket", Duration.ofMinutes(10));

    Change<AssignmentRequest, RequestEvent> held = approved.awaitApprovedCallbacks(List.of(ticket), NOW);
    assertThat(names(held)).containsExactly("Approved");
    assertThat(held.state().state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(held.state().status()).isEqualTo("WaitingForCallback");
    assertThat(held.state().readyForDelivery()).isFalse();

    AssignmentRequest called = held.state().hear(
        report(CalloutReport.Kind.CALLBACK_RECEIVED, held.state(), ticket, APPROVED, "ok"), NOW).state();
    assertThat(called.readyForDelivery()).isTrue();
    assertThat(called.awaitApprovedCallbacks(List.of(ticket), NOW).state()).isEqualTo(called);
    Change<AssignmentRequest, RequestEvent> released = called.release(Optional.empty(), NOW);
    assertThat(names(released)).containsExactly("DeliveryRequested");
    assertThat(released.state().state()).isEqualTo(RequestState.DELIVERING);
  }

  @Test
  void aCreatedStageWaitDefersTheFirstApprovalStageAndCancelEndsTheWait() {
    CustomExtension check = waiting("Check", Duration.ofMinutes(10));
    Change<AssignmentRequest, RequestEvent> held = AssignmentRequest.submitForApproval(UUID.randomUUID(),
        ApprovedRequestTest.add(RequestSchedule.NONE), ApprovedRequestTest.REQUESTOR,
        ApprovedRequestTest.policy(List.of(ApprovedRequestTest.stage())), ResolvedApprovers.NONE, List.of(check), NOW);
    assertThat(names(held)).containsExactly("Created");
    assertThat(held.state().state()).isEqualTo(RequestState.SUBMITTED);
    assertThat(held.state().currentApprovers()).isEmpty();

    AssignmentRequest called = held.state().hear(
        report(CalloutReport.Kind.CALLBACK_RECEIVED, held.state(), check, CREATED, "ok"), NOW).state();
    Change<AssignmentRequest, RequestEvent> started = called.startApproval(
        new ResolvedApprovers(List.of(ApprovedRequestTest.APPROVER), List.of()), NOW);
    assertThat(names(started)).containsExactly("StageStarted");
    assertThat(started.state().state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(started.state().currentApprovers()).containsExactly(ApprovedRequestTest.APPROVER);

    Change<AssignmentRequest, RequestEvent> canceled = held.state().apply(Trigger.CANCEL, NOW, null);
    assertThat(canceled.state().state()).isEqualTo(RequestState.CANCELED);
    assertThat(canceled.state().status()).isEqualTo("Canceled");
    assertThat(canceled.state().calloutWait()).isNull();
  }
}
