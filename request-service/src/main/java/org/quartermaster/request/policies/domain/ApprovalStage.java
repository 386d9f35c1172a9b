package org.quartermaster.request.policies.domain;

import java.time.Duration;
import java.util.List;

/**
 * One serial approval stage of a policy, in minutes if need be (Entra works in days).
 *
 * @param durationBeforeEscalation null when escalation is off
 * @param approvalsRequired Quartermaster's quorum: how many distinct approvers must approve; Graph's behaviour is 1
 */
public record ApprovalStage(
    Duration durationBeforeAutomaticDenial,
    boolean approverJustificationRequired,
    boolean escalationEnabled,
    Duration durationBeforeEscalation,
    List<SubjectSet> primaryApprovers,
    List<SubjectSet> fallbackPrimaryApprovers,
    List<SubjectSet> escalationApprovers,
    List<SubjectSet> fallbackEscalationApprovers,
    int approvalsRequired) {

  public ApprovalStage {
    primaryApprovers = primaryApprovers == null ? List.of() : List.copyOf(primaryApprovers);
    fallbackPrimaryApprovers = fallbackPrimaryApprovers == null ? List.of() : List.copyOf(fallbackPrimaryApprovers);
    escalationApprovers = escalationApprovers == null ? List.of() : List.copyOf(escalationApprovers);
    fallbackEscalationApprovers = fallbackEscalationApprovers == null ? List.of() : List.copyOf(fallbackEscalationApprovers);
    approvalsRequired = Math.max(1, approvalsRequired);
  }

  /** When the stage escalates, if it does: escalation needs both the switch and a duration. */
  public boolean escalates() {
    return escalationEnabled && durationBeforeEscalation != null;
  }

  /** A duration as the policy would spell it: whole days as P14D, anything shorter as PT15M. */
  public static String iso(Duration duration) {
    if (!duration.isZero() && duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0) {
      return "P" + duration.toDays() + "D";
    }
    return duration.toString();
  }
}
