package org.quartermaster.policy.policies.domain;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * One approval stage: who approves, how many of them must (a Quartermaster extension; Graph's behaviour is 1), and
 * the clock: escalation to more approvers after {@code durationBeforeEscalation}, automatic denial after
 * {@code durationBeforeAutomaticDenial}. Durations may be as short as minutes, where Entra counts in days.
 *
 * @param durationBeforeEscalation null when escalation is off and none was given
 */
public record ApprovalStage(
    Duration durationBeforeAutomaticDenial,
    boolean isApproverJustificationRequired,
    boolean isEscalationEnabled,
    Duration durationBeforeEscalation,
    List<SubjectSet> primaryApprovers,
    List<SubjectSet> fallbackPrimaryApprovers,
    List<SubjectSet> escalationApprovers,
    List<SubjectSet> fallbackEscalationApprovers,
    int approvalsRequired,
    ApproverInformationVisibility approverInformationVisibility) {

  public ApprovalStage {
    primaryApprovers = List.copyOf(primaryApprovers);
    fallbackPrimaryApprovers = List.copyOf(fallbackPrimaryApprovers);
    escalationApprovers = List.copyOf(escalationApprovers);
    fallbackEscalationApprovers = List.copyOf(fallbackEscalationApprovers);
    approverInformationVisibility = approverInformationVisibility == null ? ApproverInformationVisibility.DEFAULT
        : approverInformationVisibility;
  }

  /**
   * Where a stage's values sit in the request, so a refusal names what the client sent: v1.0 and beta name the
   * durations differently, and beta has no fallback lists (it flags backups inside the main lists).
   */
  public record Clauses(String stage, String denial, String escalation, boolean backupsFlagged) {

    public static Clauses v1(String stage) {
      return new Clauses(stage, stage + ".durationBeforeAutomaticDenial", stage + ".durationBeforeEscalation", false);
    }

    String approvers(String list) {
      return backupsFlagged ? "'" + stage + "." + list + "Approvers' is empty"
          : "'" + stage + "." + list + "Approvers' and '" + stage + ".fallback" + Character.toUpperCase(list.charAt(0))
              + list.substring(1) + "Approvers' are both empty";
    }
  }

  /** A v1.0 accessPackageApprovalStage whose subject sets have been read where they sit. */
  public static ApprovalStage parse(String durationBeforeAutomaticDenial, Boolean isApproverJustificationRequired,
      Boolean isEscalationEnabled, String durationBeforeEscalation, List<SubjectSet> primaryApprovers,
      List<SubjectSet> fallbackPrimaryApprovers, List<SubjectSet> escalationApprovers,
      List<SubjectSet> fallbackEscalationApprovers, Integer approvalsRequired, String approverInformationVisibility,
      String clause) {
    Clauses at = Clauses.v1(clause);
    return of(duration(durationBeforeAutomaticDenial, at.denial()), Boolean.TRUE.equals(isApproverJustificationRequired),
        Boolean.TRUE.equals(isEscalationEnabled), duration(durationBeforeEscalation, at.escalation()), primaryApprovers,
        fallbackPrimaryApprovers, escalationApprovers, fallbackEscalationApprovers, approvalsRequired,
        ApproverInformationVisibility.parse(approverInformationVisibility, clause + ".approverInformationVisibility"), at);
  }

  /**
   * Checks a stage as a whole. A zero escalation time on a stage that does not escalate is how Graph writes "none"
   * (PT0S), so it is kept as none.
   *
   * @param approvalsRequired null means 1
   */
  public static ApprovalStage of(Duration durationBeforeAutomaticDenial, boolean isApproverJustificationRequired,
      boolean isEscalationEnabled, Duration durationBeforeEscalation, List<SubjectSet> primaryApprovers,
      List<SubjectSet> fallbackPrimaryApprovers, List<SubjectSet> escalationApprovers,
      List<SubjectSet> fallbackEscalationApprovers, Integer approvalsRequired,
      ApproverInformationVisibility approverInformationVisibility, Clauses at) {
    if (durationBeforeAutomaticDenial == null) {
      throw new RuleViolation(at.denial(), "Property '" + at.denial() + "' is required: how long the stage waits for "
          + "a decision before it denies the request, e.g. P14D or PT15M.");
    }
    requirePositive(durationBeforeAutomaticDenial, at.denial());
    Duration escalation = durationBeforeEscalation;
    if (isEscalationEnabled) {
      if (escalation == null) {
        throw new RuleViolation(at.escalation(), "Property '" + at.escalation() + "' is required when '" + at.stage()
            + ".isEscalationEnabled' is true: how long the stage waits before it escalates, e.g. PT5M or P2D.");
      }
      requirePositive(escalation, at.escalation());
      if (escalation.compareTo(durationBeforeAutomaticDenial) >= 0) {
        throw new RuleViolation(at.escalation(), "Property '" + at.escalation() + "' (" + AssignmentDuration.format(escalation)
            + ") must be shorter than '" + at.denial() + "' (" + AssignmentDuration.format(durationBeforeAutomaticDenial)
            + "): the stage escalates before it denies the request.");
      }
      if (escalationApprovers.isEmpty() && fallbackEscalationApprovers.isEmpty()) {
        throw new RuleViolation(at.stage() + ".escalationApprovers", "'" + at.stage() + ".isEscalationEnabled' is true, "
            + "but " + at.approvers("escalation") + ": name who the stage escalates to.");
      }
    } else if (escalation != null && escalation.isZero()) {
      escalation = null;
    }
    if (primaryApprovers.isEmpty() && fallbackPrimaryApprovers.isEmpty()) {
      throw new RuleViolation(at.stage() + ".primaryApprovers", "Approval stage '" + at.stage() + "' names no approvers: "
          + at.approvers("primary") + ".");
    }
    int required = approvalsRequired == null ? 1 : approvalsRequired;
    if (required < 1) {
      throw new RuleViolation(at.stage() + ".approvalsRequired", "Property '" + at.stage() + ".approvalsRequired' must "
          + "be 1 or more, not " + required + ": how many approvers must approve the stage (a Quartermaster extension).");
    }
    ApprovalStage stage = new ApprovalStage(durationBeforeAutomaticDenial, isApproverJustificationRequired,
        isEscalationEnabled, escalation, primaryApprovers, fallbackPrimaryApprovers, escalationApprovers,
        fallbackEscalationApprovers, required, approverInformationVisibility);
    stage.checkQuorumIsReachable(at);
    return stage;
  }

  /**
   * A quorum larger than everyone the stage could ever ask can never be met. Only a stage that names single users
   * alone can be counted here; groups and managers are resolved when the stage starts.
   */
  private void checkQuorumIsReachable(Clauses at) {
    List<SubjectSet> everyone = Stream.of(primaryApprovers, fallbackPrimaryApprovers, escalationApprovers,
        fallbackEscalationApprovers).flatMap(List::stream).toList();
    if (everyone.stream().allMatch(subject -> subject.type() == SubjectType.SINGLE_USER)) {
      Set<UUID> users = new HashSet<>();
      everyone.forEach(subject -> users.add(subject.userId()));
      if (users.size() < approvalsRequired) {
        throw new RuleViolation(at.stage() + ".approvalsRequired", "Property '" + at.stage() + ".approvalsRequired' is "
            + approvalsRequired + ", but the stage names only " + users.size() + " approver" + (users.size() == 1 ? "" : "s")
            + ", all single users; it could never be approved.");
      }
    }
  }

  /**
   * Reads an ISO-8601 duration such as PT15M, PT1H, P14D or P1DT12H; null when absent. Zero passes here (a stage
   * that does not escalate may say PT0S) and is refused by {@link #of} where it matters. Years and months have no
   * fixed length and are refused.
   */
  public static Duration duration(String value, String property) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim().toUpperCase(Locale.ROOT);
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException notDaysAndTime) {
      try {
        Period period = Period.parse(text);
        duration = period.getYears() == 0 && period.getMonths() == 0 ? Duration.ofDays(period.getDays()) : null;
      } catch (DateTimeParseException notAPeriod) {
        duration = null;
      }
    }
    if (duration == null || duration.isNegative()) {
      throw notPositive(property, value);
    }
    return duration;
  }

  private static void requirePositive(Duration duration, String property) {
    if (duration.isZero()) {
      throw notPositive(property, duration.toString());
    }
  }

  private static RuleViolation notPositive(String property, String value) {
    return new RuleViolation(property, "Property '" + property + "' must be a positive ISO-8601 duration, not '" + value
        + "'; for example PT15M, PT1H or P14D (years and months have no fixed length).");
  }
}
