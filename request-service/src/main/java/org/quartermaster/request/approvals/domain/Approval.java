package org.quartermaster.request.approvals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.NotAllowed;
import org.quartermaster.request.common.domain.NotFound;
import org.quartermaster.request.policies.domain.ApprovalStage;

/**
 * A request's approval: its stages run one after the other. A stage resolves its approvers when it starts, without the
 * requestor or the target, falling back when nobody is left; it completes when {@code approvalsRequired} distinct
 * approvers approved, escalates after {@code durationBeforeEscalation} and times out after
 * {@code durationBeforeAutomaticDenial}. One denial, a timeout, or a stage nobody can approve ends the request.
 *
 * <pre>
 * notStarted ─ start ─▶ inProgress ─┬─ escalate ─▶ escalated ─┐
 *                                   ├──────────────────────────┴─┬─ quorum of approvals ─▶ approved ─▶ next stage starts
 *                                   │                            ├─ a denial ─▶ denied
 *                                   └────────────────────────────┴─ denyAt passes ─▶ timedOut
 * </pre>
 *
 * @param policyName the policy's display name, which denial reasons quote
 */
public record Approval(UUID requestId, String policyName, UUID requestorId, UUID targetId, List<Stage> stages) {

  public Approval {
    stages = List.copyOf(stages);
  }

  /** An approval whose stages have not started; {@link #start} starts the first. */
  public static Approval of(UUID requestId, String policyName, UUID requestorId, UUID targetId,
      List<ApprovalStage> settings) {
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("an approval needs at least one stage");
    }
    return new Approval(requestId, policyName, requestorId, targetId, IntStream.range(0, settings.size())
        .mapToObj(index -> Stage.notStarted(requestId, index + 1, settings.get(index))).toList());
  }

  // ---- reading

  /** The stage that takes decisions now, if any. */
  public Optional<Stage> current() {
    return stages.stream().filter(stage -> stage.status().open()).findFirst();
  }

  public Optional<Stage> stage(UUID stageId) {
    return stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst();
  }

  /** The stage that starts when the current one completes (the first, before any started), if there is one. */
  public Optional<Stage> upcoming() {
    return stages.stream().filter(stage -> stage.status() == StageStatus.NOT_STARTED).findFirst();
  }

  public boolean escalated() {
    return current().map(stage -> stage.status() == StageStatus.ESCALATED).orElse(false);
  }

  /** Every stage approved. */
  public boolean approved() {
    return stages.stream().allMatch(stage -> stage.status() == StageStatus.APPROVED);
  }

  /** Who may decide the current stage now: its deciders that have not decided yet. */
  public Set<UUID> currentApprovers() {
    return current().map(Stage::awaiting).orElse(Set.of());
  }

  /** When the current stage next escalates or times out; null when no stage is open. */
  public Instant nextDeadline() {
    return current().map(stage -> stage.status() == StageStatus.IN_PROGRESS && stage.escalateAt() != null
        && stage.escalateAt().isBefore(stage.denyAt()) ? stage.escalateAt() : stage.denyAt()).orElse(null);
  }

  /** Whether a {@link #tick} now would escalate, so the caller knows to resolve the escalation approvers first. */
  public boolean escalationDue(Instant now) {
    return current().map(stage -> stage.status() == StageStatus.IN_PROGRESS && stage.escalateAt() != null
        && !stage.escalateAt().isAfter(now) && stage.denyAt().isAfter(now)).orElse(false);
  }

  /** Anyone resolved for a stage that started: they may read the approval. */
  public boolean involves(UUID userId) {
    return stages.stream().anyMatch(stage -> stage.deciders().contains(userId));
  }

  // ---- moving

  /** Starts the first stage with its resolved approvers. */
  public Outcome start(ResolvedApprovers resolved, Instant now) {
    return startStage(this, stages.get(0), resolved, new ArrayList<>(), now);
  }

  /**
   * An approver decides the stage.
   *
   * @param upcoming the approvers of the stage after this one, resolved in case this decision completes this stage
   */
  public Outcome decide(UUID stageId, UUID approverId, ReviewResult result, String justification,
      ResolvedApprovers upcoming, Instant now) {
    Stage stage = stage(stageId).orElseThrow(() -> new NotFound("stageId", "Approval '" + requestId
        + "' has no stage '" + stageId + "'."));
    String where = stage.describe() + " of approval '" + requestId + "'";
    if (approverId.equals(requestorId)) {
      throw new NotAllowed("reviewedBy", "User '" + approverId + "' made request '" + requestId
          + "' and cannot decide it, even as an approver of " + stage.describe() + ".");
    }
    if (stage.status() == StageStatus.NOT_STARTED) {
      throw new Conflict("stageId", "Cannot decide " + where + ": it has not started"
          + current().map(open -> "; " + open.describe() + " is current.").orElse("."));
    }
    if (stage.status().closed()) {
      throw new Conflict("stageId", "Cannot decide " + where + ": it is already " + stage.status().graphName() + ".");
    }
    stage.decisionOf(approverId).ifPresent(earlier -> {
      throw new Conflict("reviewResult", "User '" + approverId + "' already decided " + where + " ("
          + earlier.result().graphName() + " at " + earlier.at() + ").");
    });
    if (!stage.deciders().contains(approverId)) {
      throw new NotAllowed("stageId", "User '" + approverId + "' is not an approver of " + where
          + (stage.status() == StageStatus.IN_PROGRESS && stage.escalateAt() != null
              ? " (escalation approvers join at " + stage.escalateAt() + ")." : "."));
    }
    String text = justification == null || justification.isBlank() ? null : justification.trim();
    if (text == null && stage.settings().approverJustificationRequired()) {
      throw new RuleViolation("justification", "Stage " + stage.index() + " of policy '" + policyName
          + "' requires the approver's justification; the decision has none.");
    }
    Decision decision = new Decision(approverId, result, text, now);
    Stage decided = stage.decided(decision);
    Approval next = with(decided);
    List<StageEvent> events = new ArrayList<>();
    if (decided.status() == StageStatus.DENIED) {
      events.add(new StageEvent.Denied(decided, decision));
      return new Outcome(next, events, Outcome.Verdict.DENIED, decided, decision, "Denied at stage " + decided.index()
          + " of policy '" + policyName + "' by approver '" + approverId + "'" + (text == null ? "." : ": " + text));
    }
    events.add(new StageEvent.Approved(decided, decision));
    if (decided.status() != StageStatus.APPROVED) {
      return new Outcome(next, events, Outcome.Verdict.PENDING, null, null, null);
    }
    Optional<Stage> following = next.upcoming();
    if (following.isEmpty()) {
      return new Outcome(next, events, Outcome.Verdict.APPROVED, decided, decision, null);
    }
    return startStage(next, following.get(), upcoming, events, now);
  }

  /**
   * Lets time pass: the current stage times out once its denyAt passed, or else escalates once its escalateAt passed.
   * A stage that is both escalation- and denial-due (the service was down meanwhile) times out.
   *
   * @param escalation the stage's escalation approvers, resolved in case it escalates
   */
  public Outcome tick(Instant now, ResolvedApprovers escalation) {
    Optional<Stage> open = current();
    if (open.isEmpty()) {
      return Outcome.none(this);
    }
    Stage stage = open.get();
    if (!stage.denyAt().isAfter(now)) {
      Stage timedOut = stage.timedOut();
      return new Outcome(with(timedOut), List.of(), Outcome.Verdict.TIMED_OUT, timedOut, null, "timed out: stage "
          + stage.index() + " of policy '" + policyName + "' was not decided within "
          + ApprovalStage.iso(stage.settings().durationBeforeAutomaticDenial()));
    }
    if (escalationDue(now)) {
      List<UUID> joining = eligible(escalation.primary());
      if (joining.isEmpty()) {
        joining = eligible(escalation.fallback());
      }
      Stage escalated = stage.escalated(joining);
      return new Outcome(with(escalated), List.of(new StageEvent.Escalated(escalated)), Outcome.Verdict.PENDING, null,
          null, null);
    }
    return Outcome.none(this);
  }

  private static Outcome startStage(Approval approval, Stage stage, ResolvedApprovers resolved, List<StageEvent> events,
      Instant now) {
    List<UUID> approvers = approval.eligible(resolved.primary());
    if (approvers.isEmpty()) {
      approvers = approval.eligible(resolved.fallback());
    }
    if (approvers.isEmpty()) {
      return new Outcome(approval, events, Outcome.Verdict.DENIED, stage, null, "Nobody can approve stage "
          + stage.index() + " of policy '" + approval.policyName() + "': its primary and fallback primary approvers "
          + "resolve to nobody other than the requestor and the target.");
    }
    Stage started = stage.started(approvers, now);
    List<StageEvent> all = new ArrayList<>(events);
    all.add(new StageEvent.Started(started));
    return new Outcome(approval.with(started), all, Outcome.Verdict.PENDING, null, null, null);
  }

  /** Without the requestor and the target, who may not approve their own access, and without repeats. */
  private List<UUID> eligible(List<UUID> resolved) {
    Set<UUID> eligible = new LinkedHashSet<>(resolved);
    eligible.remove(requestorId);
    eligible.remove(targetId);
    return List.copyOf(eligible);
  }

  private Approval with(Stage changed) {
    return new Approval(requestId, policyName, requestorId, targetId, stages.stream()
        .map(stage -> stage.index() == changed.index() ? changed : stage).toList());
  }
}
