package org.quartermaster.request.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.request.approvals.domain.Approval;
import org.quartermaster.request.approvals.domain.Outcome;
import org.quartermaster.request.approvals.domain.ResolvedApprovers;
import org.quartermaster.request.approvals.domain.ReviewResult;
import org.quartermaster.request.approvals.domain.Stage;
import org.quartermaster.request.approvals.domain.StageEvent;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.NotFound;
import org.quartermaster.request.common.domain.NotSupported;
import org.quartermaster.request.extensions.domain.CalloutReport;
import org.quartermaster.request.extensions.domain.CalloutWait;
import org.quartermaster.request.extensions.domain.CustomExtension;
import org.quartermaster.request.extensions.domain.ExtensionStage;
import org.quartermaster.request.policies.domain.AssignmentPolicy;

/**
 * A request to add, update or remove a user's access package assignment, and how far its delivery got.
 *
 * @param requestorId who made the request (the target for self requests)
 * @param assignmentId the assignment a removal or update acts on, or the one an add created
 * @param failureReason why delivery failed, as provisioning reported it, or why the request was denied
 * @param approval the request's approval, when its policy required one; null otherwise
 * @param calloutWait the launch-and-wait custom extensions holding the request at a stage; null when none does
 */
public record AssignmentRequest(
    UUID id,
    RequestType type,
    RequestState state,
    UUID accessPackageId,
    UUID catalogId,
    UUID assignmentPolicyId,
    UUID targetId,
    UUID requestorId,
    UUID assignmentId,
    String justification,
    RequestSchedule schedule,
    List<Answer> answers,
    Instant createdDateTime,
    Instant completedDateTime,
    String failureReason,
    Approval approval,
    CalloutWait calloutWait) {

  /** Graph lets a failed request be reprocessed for this long after it completed. */
  public static final Duration REPROCESS_WINDOW = Duration.ofDays(14);
  /** Graph's status while a launch-and-wait extension is outstanding, the only time resume is valid. */
  public static final String WAITING_FOR_CALLBACK = "WaitingForCallback";

  public AssignmentRequest {
    answers = List.copyOf(answers);
    schedule = schedule == null ? RequestSchedule.NONE : schedule;
  }

  /** A request without approval. */
  public AssignmentRequest(UUID id, RequestType type, RequestState state, UUID accessPackageId, UUID catalogId,
      UUID assignmentPolicyId, UUID targetId, UUID requestorId, UUID assignmentId, String justification,
      RequestSchedule schedule, List<Answer> answers, Instant createdDateTime, Instant completedDateTime,
      String failureReason) {
    this(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId, assignmentId,
        justification, schedule, answers, createdDateTime, completedDateTime, failureReason, null, null);
  }

  /** A request no custom extension holds. */
  public AssignmentRequest(UUID id, RequestType type, RequestState state, UUID accessPackageId, UUID catalogId,
      UUID assignmentPolicyId, UUID targetId, UUID requestorId, UUID assignmentId, String justification,
      RequestSchedule schedule, List<Answer> answers, Instant createdDateTime, Instant completedDateTime,
      String failureReason, Approval approval) {
    this(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId, assignmentId,
        justification, schedule, answers, createdDateTime, completedDateTime, failureReason, approval, null);
  }

  /**
   * Whether a request of this type under this policy waits for approval. Only a user's own add or update does: an
   * administrator's direct assignment (adminAdd, adminUpdate, adminRemove) bypasses approval, as in Entra, and giving
   * access up never needs anyone's approval.
   */
  public static boolean needsApproval(RequestType type, AssignmentPolicy policy) {
    return (type == RequestType.USER_ADD && policy.approvalRequiredForAdd())
        || (type == RequestType.USER_UPDATE && policy.approvalRequiredForUpdate());
  }

  /**
   * Stores a validated request. Nothing needs approval yet, so delivery is requested at once; a start in the future
   * leaves the request scheduled until provisioning starts delivery at that time.
   */
  public static Change<AssignmentRequest, RequestEvent> submit(UUID id, ValidSubmission valid, UUID requestorId, Instant now) {
    return submit(id, valid, requestorId, List.of(), now);
  }

  /**
   * Stores a validated request that needs no approval. When a launch-and-wait extension is bound at
   * assignmentRequestCreated the request waits in WaitingForCallback (state submitted) and only Created is announced,
   * which makes extension-gateway call the extension; otherwise delivery is requested at once.
   *
   * @param atCreated the extensions the policy binds at assignmentRequestCreated; only launch-and-wait ones hold it,
   *     and never a removal
   */
  public static Change<AssignmentRequest, RequestEvent> submit(UUID id, ValidSubmission valid, UUID requestorId,
      List<CustomExtension> atCreated, Instant now) {
    AssignmentRequest submitted = new AssignmentRequest(id, valid.type(), RequestState.SUBMITTED, valid.accessPackageId(),
        valid.catalogId(), valid.assignmentPolicyId(), valid.targetId(), requestorId, valid.assignmentId(),
        valid.justification(), valid.schedule(), valid.answers(), now, null, null);
    Optional<CalloutWait> wait = waitAtCreated(valid.type(), atCreated, now);
    if (wait.isPresent()) {
      AssignmentRequest waiting = submitted.withWait(wait.get());
      return new Change<>(waiting, List.of(new RequestEvent.Created(waiting)));
    }
    AssignmentRequest ready = submitted.readyAt(now);
    return new Change<>(ready, List.of(new RequestEvent.Created(submitted), new RequestEvent.DeliveryRequested(ready)));
  }

  /** Removals never wait: the assignment is going anyway, and Graph lets only the request stages before delivery deny. */
  private static Optional<CalloutWait> waitAtCreated(RequestType type, List<CustomExtension> atCreated, Instant now) {
    return type.kind() == RequestType.Kind.REMOVE ? Optional.empty()
        : CalloutWait.of(ExtensionStage.ASSIGNMENT_REQUEST_CREATED, atCreated, now);
  }

  /** Scheduled while its start is in the future, else as it is. */
  private AssignmentRequest readyAt(Instant now) {
    Instant start = schedule.startDateTime();
    return start != null && start.isAfter(now) ? withState(RequestState.SCHEDULED) : this;
  }

  /**
   * Stores a validated request that needs approval and starts its first stage: it waits in pendingApproval, or is denied
   * at once when nobody can approve that stage. Delivery is requested only once every stage approved.
   *
   * @param firstStage the first stage's approvers, resolved from the directory
   */
  public static Change<AssignmentRequest, RequestEvent> submitForApproval(UUID id, ValidSubmission valid, UUID requestorId,
      AssignmentPolicy policy, ResolvedApprovers firstStage, Instant now) {
    return submitForApproval(id, valid, requestorId, policy, firstStage, List.of(), now);
  }

  /**
   * Stores a validated request that needs approval. A launch-and-wait extension bound at assignmentRequestCreated holds
   * it before the first stage: it waits in WaitingForCallback (state submitted, its approval not started), and the first
   * stage starts, with approvers resolved then, once every such extension called back.
   */
  public static Change<AssignmentRequest, RequestEvent> submitForApproval(UUID id, ValidSubmission valid, UUID requestorId,
      AssignmentPolicy policy, ResolvedApprovers firstStage, List<CustomExtension> atCreated, Instant now) {
    if (policy.approvalStages().isEmpty()) {
      throw new NotSupported("assignmentPolicyId", policy.describe() + " requires approval but defines no approval "
          + "stages (requestApprovalSettings.stages is empty), so nobody could approve the request.");
    }
    AssignmentRequest pending = new AssignmentRequest(id, valid.type(), RequestState.PENDING_APPROVAL,
        valid.accessPackageId(), valid.catalogId(), valid.assignmentPolicyId(), valid.targetId(), requestorId,
        valid.assignmentId(), valid.justification(), valid.schedule(), valid.answers(), now, null, null,
        Approval.of(id, policy.displayName(), requestorId, valid.targetId(), policy.approvalStages()));
    Optional<CalloutWait> wait = waitAtCreated(valid.type(), atCreated, now);
    if (wait.isPresent()) {
      AssignmentRequest waiting = pending.withState(RequestState.SUBMITTED).withWait(wait.get());
      return new Change<>(waiting, List.of(new RequestEvent.Created(waiting)));
    }
    Outcome started = pending.approval.start(firstStage, now);
    return pending.follow(started, now, List.of(RequestEvent.Created::new));
  }

  /**
   * Graph's status text; a request held by a launch-and-wait extension shows WaitingForCallback, a pending request whose
   * current stage escalated PendingApprovalEscalated.
   */
  public String status() {
    return waitingForCallback() ? WAITING_FOR_CALLBACK : escalated() ? "PendingApprovalEscalated" : state.status();
  }

  public String betaStatus() {
    return waitingForCallback() ? WAITING_FOR_CALLBACK : escalated() ? "PendingApprovalEscalated" : state.betaStatus();
  }

  public boolean escalated() {
    return state == RequestState.PENDING_APPROVAL && approval != null && approval.escalated();
  }

  /** When the approval next needs the sweeper (escalation or timeout); null unless the request waits for approval. */
  public Instant approvalDeadline() {
    return state == RequestState.PENDING_APPROVAL && approval != null ? approval.nextDeadline() : null;
  }

  /** Who may decide the request now; nobody unless it waits for approval. */
  public List<UUID> currentApprovers() {
    return state == RequestState.PENDING_APPROVAL && approval != null ? List.copyOf(approval.currentApprovers())
        : List.of();
  }

  // ---- custom extensions

  /** A launch-and-wait extension has not called back yet: the request goes neither to approval nor to delivery. */
  public boolean waitingForCallback() {
    return calloutWait != null && !calloutWait.satisfied();
  }

  /** When the sweeper gives up waiting for a callback; null unless the request waits for one. */
  public Instant calloutDeadline() {
    return waitingForCallback() ? calloutWait.deadline() : null;
  }

  /**
   * Every extension that held the request at this stage called back, and it has not gone on yet. Only true inside the
   * transaction that heard the last callback: going on clears the wait.
   */
  public boolean passed(ExtensionStage stage) {
    return calloutWait != null && calloutWait.stage() == stage && calloutWait.satisfied();
  }

  /**
   * Applies what extension-gateway reported about a callout. Only a callout of an extension the request waits for at
   * that stage counts; anything else (another request's, a repeat, a request that went on) changes nothing.
   * <ul>
   *   <li>a callback that lets it go on: one extension fewer to wait for; when none is left, {@link #passed} holds and
   *       the caller moves the request on ({@link #startApproval}, {@link #requestDelivery}, {@link #release});</li>
   *   <li>a callback that denies, a timeout, or the failure of a launch-and-wait call: the request is denied;</li>
   *   <li>a launch-and-wait call was made: the safety deadline runs from now, since the gateway's callback timeout
   *       does (its retries may have taken minutes).</li>
   * </ul>
   * A call the gateway made as launch-and-continue (the extension changed between the request and the call) changes
   * nothing, nor does its failure: no callback will come, and the safety deadline ends the wait.
   */
  public Change<AssignmentRequest, RequestEvent> hear(CalloutReport report, Instant now) {
    if (!waitingForCallback() || !calloutWait.awaits(report.extensionId(), report.stage())) {
      return Change.none(this);
    }
    CalloutWait.Awaited awaited = calloutWait.find(report.extensionId()).orElseThrow();
    String where = "custom extension '" + awaited.displayName() + "'";
    String stage = calloutWait.stage().graphName();
    switch (report.kind()) {
      case INVOKED:
        return report.launchAndWait() ? Change.none(withWait(calloutWait.invoked(awaited.extensionId(), now)))
            : Change.none(this);
      case CALLBACK_RECEIVED:
        return Change.none(withWait(calloutWait.without(awaited.extensionId())));
      case CALLBACK_DENIED:
        String detail = report.detail() == null || report.detail().isBlank() ? "" : ": " + report.detail().trim();
        return deny("denied by " + where + " at stage " + stage + detail, now);
      case TIMED_OUT:
        return deny(timedOut(awaited), now);
      default:
        return report.launchAndWait() ? deny(where + " failed at stage " + stage + ": " + report.detail(), now)
            : Change.none(this);
    }
  }

  /** The safety net: an awaited callback whose deadline passed denies the request, as the gateway's timeout would. */
  public Change<AssignmentRequest, RequestEvent> expireWait(Instant now) {
    if (!waitingForCallback()) {
      return Change.none(this);
    }
    return calloutWait.overdue(now).map(awaited -> deny(timedOut(awaited), now)).orElse(Change.none(this));
  }

  private String timedOut(CalloutWait.Awaited awaited) {
    return "callback timed out: custom extension '" + awaited.displayName() + "' at stage "
        + calloutWait.stage().graphName();
  }

  /** Ends a waiting request; nothing was delivered, so nothing is taken back. */
  private Change<AssignmentRequest, RequestEvent> deny(String reason, Instant now) {
    AssignmentRequest denied = withWait(null).apply(Trigger.DENY, now, null).state().failedBecause(reason);
    return new Change<>(denied, List.of(new RequestEvent.Denied(denied, null, null, reason)));
  }

  /**
   * After the assignmentRequestCreated callbacks: the first approval stage starts (StageStarted), or the request is
   * denied when nobody can approve it, exactly as on a submission that did not wait.
   *
   * @param firstStage the first stage's approvers, resolved now
   */
  public Change<AssignmentRequest, RequestEvent> startApproval(ResolvedApprovers firstStage, Instant now) {
    if (!passed(ExtensionStage.ASSIGNMENT_REQUEST_CREATED) || approval == null) {
      throw new IllegalStateException("request " + id + " has no approval to start after its callbacks");
    }
    AssignmentRequest pending = withWait(null).withState(RequestState.PENDING_APPROVAL);
    return pending.follow(pending.approval.start(firstStage, now), now, List.of());
  }

  /**
   * After the assignmentRequestCreated callbacks of a request without approval: delivery is requested, unless
   * separation of duties refuses it at the last moment; the request is stored already, so it is denied with that reason.
   */
  public Change<AssignmentRequest, RequestEvent> requestDelivery(Optional<String> refusal, Instant now) {
    if (!passed(ExtensionStage.ASSIGNMENT_REQUEST_CREATED) || approval != null) {
      throw new IllegalStateException("request " + id + " cannot request delivery after its callbacks");
    }
    if (refusal.isPresent()) {
      return deny(refusal.get(), now);
    }
    AssignmentRequest ready = withWait(null).readyAt(now);
    return new Change<>(ready, List.of(new RequestEvent.DeliveryRequested(ready)));
  }

  /**
   * Every stage approved and launch-and-wait extensions bound at assignmentRequestApproved: Approved is announced (which
   * makes extension-gateway call them) and the request waits, still pendingApproval, in WaitingForCallback. Nothing
   * changes when none holds it, or when they already called back; {@link #release} then moves it on.
   */
  public Change<AssignmentRequest, RequestEvent> awaitApprovedCallbacks(List<CustomExtension> atApproved, Instant now) {
    if (!readyForDelivery()) {
      throw new IllegalTransition(this, Trigger.APPROVE);
    }
    if (passed(ExtensionStage.ASSIGNMENT_REQUEST_APPROVED)) {
      return Change.none(this);
    }
    return CalloutWait.of(ExtensionStage.ASSIGNMENT_REQUEST_APPROVED, atApproved, now)
        .map(wait -> {
          AssignmentRequest waiting = withWait(wait);
          return new Change<AssignmentRequest, RequestEvent>(waiting,
              List.of(new RequestEvent.Approved(waiting, lastStage())));
        })
        .orElse(Change.none(this));
  }

  // ---- approval

  /**
   * An approver decides a stage. When this completes the last stage the request still waits: {@link #release} then
   * requests delivery or denies it, once separation of duties had its last word.
   *
   * @param upcoming the next stage's approvers, resolved in case this decision completes the current stage
   */
  public Change<AssignmentRequest, RequestEvent> decide(UUID stageId, UUID approverId, ReviewResult result,
      String justification, ResolvedApprovers upcoming, Instant now) {
    Stage stage = stageOf(stageId);
    if (waitingForCallback()) {
      throw new Conflict("state", "Assignment request '" + id + "' waits for a custom extension's callback at "
          + calloutWait.stage().graphName() + ", so " + stage.describe() + " cannot be decided now.");
    }
    if (state != RequestState.PENDING_APPROVAL) {
      throw new Conflict("state", "Assignment request '" + id + "' is " + state.graphName() + ": its approval is closed, "
          + "so " + stage.describe() + " can no longer be decided.");
    }
    return follow(approval.decide(stageId, approverId, result, justification, upcoming, now), now, List.of());
  }

  /** Every stage approved and no callback outstanding: the request is ready to leave approval. */
  public boolean readyForDelivery() {
    return state == RequestState.PENDING_APPROVAL && approval != null && approval.approved() && !waitingForCallback();
  }

  /**
   * Moves an approved request on: delivery is requested, unless separation of duties refuses it at the last moment, in
   * which case the request is denied with that reason and nothing is delivered.
   *
   * After the assignmentRequestApproved callbacks Approved is not announced again: it was when the wait began.
   *
   * @param refusal why delivery must not happen, if it must not
   */
  public Change<AssignmentRequest, RequestEvent> release(Optional<String> refusal, Instant now) {
    if (!readyForDelivery()) {
      throw new IllegalTransition(this, Trigger.APPROVE);
    }
    boolean announced = passed(ExtensionStage.ASSIGNMENT_REQUEST_APPROVED);
    AssignmentRequest leaving = withWait(null);
    Stage last = lastStage();
    if (refusal.isPresent()) {
      AssignmentRequest denied = leaving.apply(Trigger.DENY, now, null).state().failedBecause(refusal.get());
      return new Change<>(denied, List.of(new RequestEvent.Denied(denied, last, null, refusal.get())));
    }
    AssignmentRequest approved = leaving.apply(Trigger.APPROVE, now, null).state();
    return new Change<>(approved, announced ? List.of(new RequestEvent.DeliveryRequested(approved))
        : List.of(new RequestEvent.Approved(approved, last), new RequestEvent.DeliveryRequested(approved)));
  }

  private Stage lastStage() {
    return approval.stages().get(approval.stages().size() - 1);
  }

  /**
   * Lets time pass for a request waiting for approval: its current stage escalates or times out when due. Anything else
   * changes nothing.
   *
   * @param escalation the current stage's escalation approvers, resolved in case it escalates
   */
  public Change<AssignmentRequest, RequestEvent> tick(Instant now, ResolvedApprovers escalation) {
    if (state != RequestState.PENDING_APPROVAL || approval == null) {
      return Change.none(this);
    }
    Outcome outcome = approval.tick(now, escalation);
    return outcome.changed() ? follow(outcome, now, List.of()) : Change.none(this);
  }

  public Stage stageOf(UUID stageId) {
    if (approval == null) {
      throw new NotFound("id", "Assignment request '" + id + "' has no approval: its policy did not require one.");
    }
    return approval.stage(stageId).orElseThrow(() -> new NotFound("stageId", "Approval '" + id + "' has no stage '"
        + stageId + "'."));
  }

  /**
   * Applies an approval step to the request. Every event carries the request as it stands afterwards.
   *
   * @param leading events that come first, such as Created on submission
   */
  private Change<AssignmentRequest, RequestEvent> follow(Outcome outcome, Instant now,
      List<Function<AssignmentRequest, RequestEvent>> leading) {
    AssignmentRequest next = withApproval(outcome.approval());
    if (outcome.verdict() == Outcome.Verdict.DENIED || outcome.verdict() == Outcome.Verdict.TIMED_OUT) {
      next = next.apply(Trigger.DENY, now, null).state().failedBecause(outcome.reason());
    }
    AssignmentRequest after = next;
    List<RequestEvent> events = new ArrayList<>();
    leading.forEach(event -> events.add(event.apply(after)));
    for (StageEvent event : outcome.events()) {
      if (event instanceof StageEvent.Started started) {
        events.add(new RequestEvent.StageStarted(after, started.stage()));
      } else if (event instanceof StageEvent.Approved approved) {
        events.add(new RequestEvent.StageApproved(after, approved.stage(), approved.decision()));
      } else if (event instanceof StageEvent.Denied denied) {
        events.add(new RequestEvent.StageDenied(after, denied.stage(), denied.decision()));
      } else if (event instanceof StageEvent.Escalated escalated) {
        events.add(new RequestEvent.StageEscalated(after, escalated.stage()));
      }
    }
    if (outcome.verdict() == Outcome.Verdict.DENIED) {
      events.add(new RequestEvent.Denied(after, outcome.stage(), outcome.decision(), outcome.reason()));
    } else if (outcome.verdict() == Outcome.Verdict.TIMED_OUT) {
      events.add(new RequestEvent.TimedOut(after, outcome.stage(), outcome.reason()));
    }
    return new Change<>(after, events);
  }

  /**
   * Applies a trigger. A repeat (or a late signal) returns the request unchanged; a trigger the state does not allow
   * throws {@link IllegalTransition}.
   *
   * @param reason why delivery failed; only for the failure triggers
   */
  public Change<AssignmentRequest, RequestEvent> apply(Trigger trigger, Instant now, String reason) {
    RequestLifecycle.Step step = RequestLifecycle.next(state, trigger);
    if (step.kind() == RequestLifecycle.Step.Kind.STAY) {
      return Change.none(this);
    }
    if (step.kind() == RequestLifecycle.Step.Kind.REFUSE) {
      throw new IllegalTransition(this, trigger);
    }
    if (trigger == Trigger.REPROCESS && completedDateTime != null && completedDateTime.plus(REPROCESS_WINDOW).isBefore(now)) {
      throw new Conflict("reprocess", "Assignment request '" + id + "' completed at " + completedDateTime
          + ", more than 14 days ago: it can no longer be reprocessed. Submit a new request.");
    }
    Instant start = schedule.startDateTime();
    RequestState to = trigger == Trigger.APPROVE && start != null && start.isAfter(now) ? RequestState.SCHEDULED : step.to();
    AssignmentRequest next = withState(to);
    if (to.completed()) {
      // A canceled or denied request waits for no callback any more; a late one finds nothing to resume.
      next = next.completedAt(now).withWait(null);
    }
    if (trigger == Trigger.REPROCESS) {
      next = next.completedAt(null).failedBecause(null);
    }
    if (trigger == Trigger.DELIVERY_FAILED || trigger == Trigger.PARTIALLY_DELIVERED) {
      next = next.failedBecause(reason);
    }
    return new Change<>(next, eventsOf(trigger, next, reason));
  }

  /**
   * Applies what provisioning reported about this request's assignment. An outcome that does not concern this kind of
   * request (an assignment granted, for a removal) changes nothing.
   */
  public Change<AssignmentRequest, RequestEvent> record(AssignmentOutcome outcome, UUID assignment, String reason,
      Instant now) {
    AssignmentRequest known = assignmentId == null && assignment != null ? withAssignment(assignment) : this;
    Trigger trigger = triggerOf(outcome);
    if (trigger == null) {
      return Change.none(known);
    }
    return known.apply(trigger, now, reason);
  }

  private Trigger triggerOf(AssignmentOutcome outcome) {
    switch (outcome) {
      case CREATED:
        return Trigger.DELIVERY_STARTED;
      case GRANTED:
        return type.kind() == RequestType.Kind.REMOVE ? null : Trigger.DELIVERED;
      case REMOVED:
        return type.kind() == RequestType.Kind.REMOVE ? Trigger.DELIVERED : null;
      case PARTIALLY_FAILED:
        return Trigger.PARTIALLY_DELIVERED;
      default:
        return Trigger.DELIVERY_FAILED;
    }
  }

  private static List<RequestEvent> eventsOf(Trigger trigger, AssignmentRequest next, String reason) {
    List<RequestEvent> events = new ArrayList<>();
    switch (trigger) {
      case DELIVERED:
        events.add(new RequestEvent.Delivered(next));
        break;
      case PARTIALLY_DELIVERED:
      case DELIVERY_FAILED:
        events.add(new RequestEvent.Failed(next, reason == null ? "Delivery failed." : reason));
        break;
      case CANCEL:
        events.add(new RequestEvent.Canceled(next));
        break;
      case REPROCESS:
        events.add(new RequestEvent.DeliveryRequested(next));
        break;
      default:
        // Delivery starting is provisioning's news; the request only notes it. The end of an approval brings its own
        // events (release, decide, tick), since they name the stage.
        break;
    }
    return events;
  }

  public AssignmentRequest withAssignment(UUID assignment) {
    return new AssignmentRequest(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignment, justification, schedule, answers, createdDateTime, completedDateTime, failureReason, approval,
        calloutWait);
  }

  private AssignmentRequest withState(RequestState next) {
    return new AssignmentRequest(id, type, next, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignmentId, justification, schedule, answers, createdDateTime, completedDateTime, failureReason, approval,
        calloutWait);
  }

  private AssignmentRequest withApproval(Approval next) {
    return new AssignmentRequest(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignmentId, justification, schedule, answers, createdDateTime, completedDateTime, failureReason, next,
        calloutWait);
  }

  private AssignmentRequest completedAt(Instant completed) {
    return new AssignmentRequest(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignmentId, justification, schedule, answers, createdDateTime, completed, failureReason, approval,
        calloutWait);
  }

  private AssignmentRequest failedBecause(String reason) {
    return new AssignmentRequest(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignmentId, justification, schedule, answers, createdDateTime, completedDateTime, reason, approval,
        calloutWait);
  }

  private AssignmentRequest withWait(CalloutWait next) {
    return new AssignmentRequest(id, type, state, accessPackageId, catalogId, assignmentPolicyId, targetId, requestorId,
        assignmentId, justification, schedule, answers, createdDateTime, completedDateTime, failureReason, approval, next);
  }
}
