package org.quartermaster.policy.policies.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * A policy in beta's terms (accessPackageAssignmentPolicy), and its translation to and from the one model:
 *
 * <ul>
 *   <li>scopeType → allowedTargetScope (NoSubjects → notSpecified, SpecificDirectorySubjects → specificDirectoryUsers,
 *       AllExistingDirectoryMemberUsers → allMemberUsers, AllExistingDirectorySubjects → allDirectoryUsers);
 *   <li>allowedRequestors (userSets named by {@code id}) → specificAllowedTargets; isBackup has no meaning for
 *       requestors and is not kept;
 *   <li>acceptRequests → enableTargetsToSelfAddAccess (absent counts as true unless the scope is NoSubjects);
 *       targets may remove their own access whenever the scope names anyone;
 *   <li>canExtend → enableTargetsToSelfUpdateAccess;
 *   <li>durationInDays N → afterDuration PND, expirationDateTime → afterDateTime, neither → noExpiration;
 *   <li>isApprovalRequired → isApprovalRequiredForAdd, isApprovalRequiredForExtension → isApprovalRequiredForUpdate;
 *   <li>approvalStages → stages: approvalStageTimeOutInDays N → durationBeforeAutomaticDenial PND, escalationTimeInMinutes
 *       N → durationBeforeEscalation PTNM; approvers with isBackup true → the fallback lists. Quartermaster extensions
 *       on beta stages: durationBeforeAutomaticDenial and durationBeforeEscalation (ISO-8601, winning over the day and
 *       minute counts) and approvalsRequired;
 *   <li>approvalMode is checked against the rest (Parallel is refused) and read back as the settings imply it.
 * </ul>
 */
public record BetaPolicy(String displayName, String description, Boolean canExtend, Integer durationInDays,
    Instant expirationDateTime, BetaRequestorSettings requestorSettings, BetaApprovalSettings requestApprovalSettings,
    List<Question> questions, List<CustomExtensionStageSetting> customExtensionStageSettings) {

  /** Beta's requestorSettings. */
  public record BetaRequestorSettings(String scopeType, Boolean acceptRequests, List<BetaUserSet> allowedRequestors) {
  }

  /** One beta userSet: singleUser and groupMembers name their object by {@code id}. */
  public record BetaUserSet(String odataType, String id, String description, Boolean isBackup, Integer managerLevel) {

    SubjectSet toSubjectSet(String clause) {
      return SubjectSet.parseBeta(odataType, id, managerLevel, description, clause);
    }

    static BetaUserSet of(SubjectSet subject, boolean isBackup) {
      return new BetaUserSet(subject.type().odataType(),
          subject.type() == SubjectType.SINGLE_USER ? subject.userId().toString()
              : subject.type() == SubjectType.GROUP_MEMBERS ? subject.groupId().toString() : null,
          subject.description(), isBackup, subject.managerLevel());
    }
  }

  /** Beta's approvalSettings. */
  public record BetaApprovalSettings(Boolean isApprovalRequired, Boolean isApprovalRequiredForExtension,
      Boolean isRequestorJustificationRequired, String approvalMode, List<BetaApprovalStage> approvalStages) {

    public BetaApprovalSettings {
      approvalStages = approvalStages == null ? List.of() : List.copyOf(approvalStages);
    }
  }

  /**
   * Beta's approvalStage, plus the Quartermaster extensions {@code durationBeforeAutomaticDenial},
   * {@code durationBeforeEscalation} (ISO-8601, so beta can count in minutes too) and {@code approvalsRequired}.
   */
  public record BetaApprovalStage(Integer approvalStageTimeOutInDays, String durationBeforeAutomaticDenial,
      Boolean isApproverJustificationRequired, Boolean isEscalationEnabled, Integer escalationTimeInMinutes,
      String durationBeforeEscalation, List<BetaUserSet> primaryApprovers, List<BetaUserSet> escalationApprovers,
      Integer approvalsRequired) {

    public BetaApprovalStage {
      primaryApprovers = primaryApprovers == null ? List.of() : List.copyOf(primaryApprovers);
      escalationApprovers = escalationApprovers == null ? List.of() : List.copyOf(escalationApprovers);
    }

    /** @param clause where the stage sits, e.g. {@code requestApprovalSettings.approvalStages[0]} */
    public ApprovalStage toStage(String clause) {
      boolean escalates = Boolean.TRUE.equals(isEscalationEnabled);
      String denialName = durationBeforeAutomaticDenial != null ? clause + ".durationBeforeAutomaticDenial"
          : clause + ".approvalStageTimeOutInDays";
      String escalationName = durationBeforeEscalation != null ? clause + ".durationBeforeEscalation"
          : clause + ".escalationTimeInMinutes";
      Duration denial = durationBeforeAutomaticDenial != null
          ? ApprovalStage.duration(durationBeforeAutomaticDenial, denialName)
          : count(approvalStageTimeOutInDays, denialName, "days", 1, Duration::ofDays);
      Duration escalation = durationBeforeEscalation != null
          ? ApprovalStage.duration(durationBeforeEscalation, escalationName)
          : count(escalationTimeInMinutes, escalationName, "minutes", escalates ? 1 : 0, Duration::ofMinutes);
      List<SubjectSet> primary = new ArrayList<>();
      List<SubjectSet> fallbackPrimary = new ArrayList<>();
      split(primaryApprovers, clause + ".primaryApprovers", primary, fallbackPrimary);
      List<SubjectSet> escalationSets = new ArrayList<>();
      List<SubjectSet> fallbackEscalation = new ArrayList<>();
      split(escalationApprovers, clause + ".escalationApprovers", escalationSets, fallbackEscalation);
      return ApprovalStage.of(denial, Boolean.TRUE.equals(isApproverJustificationRequired), escalates, escalation,
          primary, fallbackPrimary, escalationSets, fallbackEscalation, approvalsRequired,
          ApproverInformationVisibility.DEFAULT, new ApprovalStage.Clauses(clause, denialName, escalationName, true));
    }

    /** How a stage reads in beta; durations that are not whole days or minutes are rounded up. */
    static BetaApprovalStage of(ApprovalStage stage) {
      Duration denial = stage.durationBeforeAutomaticDenial();
      Duration escalation = stage.durationBeforeEscalation();
      return new BetaApprovalStage(daysRoundedUp(denial), AssignmentDuration.format(denial),
          stage.isApproverJustificationRequired(), stage.isEscalationEnabled(),
          escalation == null ? 0 : minutesRoundedUp(escalation),
          escalation == null ? null : AssignmentDuration.format(escalation),
          userSets(stage.primaryApprovers(), stage.fallbackPrimaryApprovers()),
          userSets(stage.escalationApprovers(), stage.fallbackEscalationApprovers()), stage.approvalsRequired());
    }

    private static Duration count(Integer value, String property, String unit, int least,
        LongFunction<Duration> toDuration) {
      if (value == null) {
        return null;
      }
      if (value < least) {
        throw new RuleViolation(property, "Property '" + property + "' must be " + least + " or more " + unit + ", not "
            + value + ".");
      }
      return value == 0 ? Duration.ZERO : toDuration.apply(value);
    }

    private static void split(List<BetaUserSet> sets, String clause, List<SubjectSet> main, List<SubjectSet> backups) {
      for (int i = 0; i < sets.size(); i++) {
        BetaUserSet set = sets.get(i);
        SubjectSet subject = set.toSubjectSet(clause + "[" + i + "]");
        (Boolean.TRUE.equals(set.isBackup()) ? backups : main).add(subject);
      }
    }

    private static List<BetaUserSet> userSets(List<SubjectSet> main, List<SubjectSet> backups) {
      List<BetaUserSet> sets = new ArrayList<>();
      main.forEach(subject -> sets.add(BetaUserSet.of(subject, false)));
      backups.forEach(subject -> sets.add(BetaUserSet.of(subject, true)));
      return sets;
    }
  }

  public PolicyDefinition toDefinition() {
    BetaRequestorSettings requestors = requestorSettings != null ? requestorSettings
        : new BetaRequestorSettings(null, null, List.of());
    BetaScopeType scope = BetaScopeType.parse(requestors.scopeType());
    List<SubjectSet> targets = targets(requestors.allowedRequestors() == null ? List.of() : requestors.allowedRequestors());
    if (scope.toV1().isSpecific() && targets.isEmpty()) {
      throw new RuleViolation("requestorSettings.allowedRequestors", "scopeType 'SpecificDirectorySubjects' needs at least "
          + "one entry in 'requestorSettings.allowedRequestors' (a singleUser or groupMembers).");
    }
    if (!scope.toV1().isSpecific() && !targets.isEmpty()) {
      throw new RuleViolation("requestorSettings.allowedRequestors", "Property 'requestorSettings.allowedRequestors' "
          + "applies only to scopeType 'SpecificDirectorySubjects', not to '" + scope.graphName() + "'.");
    }
    boolean namesAnyone = scope != BetaScopeType.NO_SUBJECTS;
    boolean accepts = requestors.acceptRequests() == null ? namesAnyone : requestors.acceptRequests() && namesAnyone;
    RequestorSettings settings = new RequestorSettings(accepts, Boolean.TRUE.equals(canExtend), namesAnyone, false,
        false, false, false, List.of());
    return new PolicyDefinition(displayName, description, scope.toV1(), targets, settings, expiration(), approval(),
        questions == null ? List.of() : questions,
        customExtensionStageSettings == null ? List.of() : customExtensionStageSettings);
  }

  /** How a policy reads in beta; durations that are not whole days are rounded up to the next day. */
  public static BetaPolicy of(PolicyDefinition definition) {
    Expiration expiration = definition.expiration();
    int days = expiration.asDuration().map(BetaPolicy::daysRoundedUp).orElse(0);
    List<BetaUserSet> requestors = definition.specificAllowedTargets().stream()
        .map(target -> BetaUserSet.of(target, false)).toList();
    RequestorSettings settings = definition.requestorSettings();
    ApprovalSettings approval = definition.approval();
    return new BetaPolicy(definition.displayName(), definition.description(), settings.enableTargetsToSelfUpdateAccess(),
        days, expiration.endDateTime(),
        new BetaRequestorSettings(BetaScopeType.of(definition.allowedTargetScope()).graphName(),
            settings.enableTargetsToSelfAddAccess(), requestors),
        new BetaApprovalSettings(approval.isApprovalRequiredForAdd(), approval.isApprovalRequiredForUpdate(),
            approval.isRequestorJustificationRequired(), ApprovalMode.of(approval).betaName(),
            approval.stages().stream().map(BetaApprovalStage::of).toList()),
        definition.questions(), definition.customExtensionStageSettings());
  }

  private static List<SubjectSet> targets(List<BetaUserSet> allowed) {
    List<SubjectSet> targets = new ArrayList<>();
    for (int i = 0; i < allowed.size(); i++) {
      targets.add(allowed.get(i).toSubjectSet("requestorSettings.allowedRequestors[" + i + "]"));
    }
    return targets;
  }

  private Expiration expiration() {
    int days = durationInDays == null ? 0 : durationInDays;
    if (days < 0) {
      throw new RuleViolation("durationInDays", "Property 'durationInDays' must be 0 or more, not " + days + ".");
    }
    if (days > 0 && expirationDateTime != null) {
      throw new RuleViolation("durationInDays", "Give either 'durationInDays' or 'expirationDateTime', not both.");
    }
    if (days > 0) {
      return Expiration.after(Duration.ofDays(days));
    }
    return expirationDateTime != null ? Expiration.at(expirationDateTime) : Expiration.never();
  }

  private ApprovalSettings approval() {
    BetaApprovalSettings settings = requestApprovalSettings != null ? requestApprovalSettings
        : new BetaApprovalSettings(null, null, null, null, List.of());
    List<ApprovalStage> stages = new ArrayList<>();
    for (int i = 0; i < settings.approvalStages().size(); i++) {
      stages.add(settings.approvalStages().get(i).toStage(ApprovalSettings.Spelling.BETA.stages() + "[" + i + "]"));
    }
    return ApprovalSettings.of(settings.isApprovalRequired(), settings.isApprovalRequiredForExtension(),
        settings.isRequestorJustificationRequired(), settings.approvalMode(), stages, ApprovalSettings.Spelling.BETA);
  }

  private static int daysRoundedUp(Duration duration) {
    long days = duration.toDays();
    return (int) (duration.equals(Duration.ofDays(days)) ? days : days + 1);
  }

  private static int minutesRoundedUp(Duration duration) {
    long minutes = duration.toMinutes();
    return (int) (duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1);
  }
}
