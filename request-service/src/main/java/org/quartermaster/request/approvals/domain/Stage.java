package org.quartermaster.request.approvals.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.request.policies.domain.ApprovalStage;

/**
 * One stage of a request's approval, with the policy's settings copied in when the request was made, so a later policy
 * change does not move the goalposts of a request already waiting.
 *
 * @param index 1-based position
 * @param id the approvalStage id Graph clients PATCH: derived from the request and the index, so it is stable
 * @param approvers the primary (or fallback primary) approvers resolved when the stage started
 * @param escalationApprovers who joined at escalation
 * @param escalateAt when the stage escalates; null when it does not
 * @param denyAt when the stage times out and denies the request
 */
public record Stage(
    int index,
    UUID id,
    ApprovalStage settings,
    StageStatus status,
    List<UUID> approvers,
    List<UUID> escalationApprovers,
    List<Decision> decisions,
    Instant startedAt,
    Instant escalateAt,
    Instant denyAt) {

  public Stage {
    approvers = List.copyOf(approvers);
    escalationApprovers = List.copyOf(escalationApprovers);
    decisions = List.copyOf(decisions);
  }

  static Stage notStarted(UUID requestId, int index, ApprovalStage settings) {
    return new Stage(index, idOf(requestId, index), settings, StageStatus.NOT_STARTED, List.of(), List.of(), List.of(), null,
        null, null);
  }

  /** Deterministic, so the same request always shows the same stage ids. */
  public static UUID idOf(UUID requestId, int index) {
    return UUID.nameUUIDFromBytes((requestId + "/approvalStage/" + index).getBytes(StandardCharsets.UTF_8));
  }

  /** Everyone who may decide this stage while it is open: its approvers and, once escalated, its escalation approvers. */
  public Set<UUID> deciders() {
    Set<UUID> all = new LinkedHashSet<>(approvers);
    all.addAll(escalationApprovers);
    return all;
  }

  /** The deciders who have not decided yet. */
  public Set<UUID> awaiting() {
    Set<UUID> open = new LinkedHashSet<>(deciders());
    decisions.forEach(decision -> open.remove(decision.approverId()));
    return open;
  }

  public Optional<Decision> decisionOf(UUID approverId) {
    return decisions.stream().filter(decision -> decision.approverId().equals(approverId)).findFirst();
  }

  public int approvals() {
    return (int) decisions.stream().filter(decision -> decision.result() == ReviewResult.APPROVE).count();
  }

  /** The decision that closed the stage: the denial, or the approval that reached the quorum. */
  public Optional<Decision> closingDecision() {
    if (status == StageStatus.DENIED) {
      return decisions.stream().filter(decision -> decision.result() == ReviewResult.DENY).findFirst();
    }
    if (status == StageStatus.APPROVED && !decisions.isEmpty()) {
      return Optional.of(decisions.get(decisions.size() - 1));
    }
    return Optional.empty();
  }

  public String describe() {
    return "stage " + index;
  }

  Stage started(List<UUID> resolved, Instant now) {
    Instant escalation = settings.escalates() ? now.plus(settings.durationBeforeEscalation()) : null;
    return new Stage(index, id, settings, StageStatus.IN_PROGRESS, resolved, List.of(), List.of(), now, escalation,
        now.plus(settings.durationBeforeAutomaticDenial()));
  }

  Stage escalated(List<UUID> joining) {
    return new Stage(index, id, settings, StageStatus.ESCALATED, approvers, joining, decisions, startedAt, escalateAt,
        denyAt);
  }

  Stage decided(Decision decision) {
    List<Decision> all = new ArrayList<>(decisions);
    all.add(decision);
    StageStatus next = status;
    if (decision.result() == ReviewResult.DENY) {
      next = StageStatus.DENIED;
    } else if (all.stream().filter(made -> made.result() == ReviewResult.APPROVE).count() >= settings.approvalsRequired()) {
      next = StageStatus.APPROVED;
    }
    return new Stage(index, id, settings, next, approvers, escalationApprovers, all, startedAt, escalateAt, denyAt);
  }

  Stage timedOut() {
    return new Stage(index, id, settings, StageStatus.TIMED_OUT, approvers, escalationApprovers, decisions, startedAt,
        escalateAt, denyAt);
  }
}
