package org.quartermaster.policy.policies.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 *   <li>isApprovalRequired / isApprovalRequiredForExtension / approvalStages → the approval requirements (refused
 *       while approval is unsupported).
 * </ul>
 */
public record BetaPolicy(String displayName, String description, Boolean canExtend, Integer durationInDays,
    Instant expirationDateTime, BetaRequestorSettings requestorSettings, BetaApprovalSettings requestApprovalSettings,
    List<Question> questions, List<CustomExtensionStageSetting> customExtensionStageSettings) {

  private static final Set<String> APPROVAL_MODES = Set.of("noapproval", "singlestage", "serial", "parallel");

  /** Beta's requestorSettings. */
  public record BetaRequestorSettings(String scopeType, Boolean acceptRequests, List<BetaUserSet> allowedRequestors) {
  }

  /** One beta userSet: singleUser and groupMembers name their object by {@code id}. */
  public record BetaUserSet(String odataType, String id, String description, Boolean isBackup, Integer managerLevel) {
  }

  /** Beta's approvalSettings, with the number of approval stages it listed. */
  public record BetaApprovalSettings(Boolean isApprovalRequired, Boolean isApprovalRequiredForExtension,
      Boolean isRequestorJustificationRequired, String approvalMode, int approvalStages) {
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
    List<BetaUserSet> requestors = definition.specificAllowedTargets().stream().map(target -> new BetaUserSet(
        target.type().odataType(),
        target.type() == SubjectType.SINGLE_USER ? target.userId().toString()
            : target.type() == SubjectType.GROUP_MEMBERS ? target.groupId().toString() : null,
        target.description(), false, target.managerLevel())).toList();
    RequestorSettings settings = definition.requestorSettings();
    ApprovalRequirements approval = definition.approval();
    return new BetaPolicy(definition.displayName(), definition.description(), settings.enableTargetsToSelfUpdateAccess(),
        days, expiration.endDateTime(),
        new BetaRequestorSettings(BetaScopeType.of(definition.allowedTargetScope()).graphName(),
            settings.enableTargetsToSelfAddAccess(), requestors),
        new BetaApprovalSettings(approval.isApprovalRequiredForAdd(), approval.isApprovalRequiredForUpdate(),
            approval.isRequestorJustificationRequired(), "NoApproval", 0),
        definition.questions(), definition.customExtensionStageSettings());
  }

  private static List<SubjectSet> targets(List<BetaUserSet> allowed) {
    List<SubjectSet> targets = new ArrayList<>();
    for (int i = 0; i < allowed.size(); i++) {
      BetaUserSet set = allowed.get(i);
      targets.add(SubjectSet.parseBeta(set.odataType(), set.id(), set.managerLevel(), set.description(),
          "requestorSettings.allowedRequestors[" + i + "]"));
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

  private ApprovalRequirements approval() {
    BetaApprovalSettings settings = requestApprovalSettings != null ? requestApprovalSettings
        : new BetaApprovalSettings(null, null, null, null, 0);
    String mode = settings.approvalMode();
    if (mode != null && !APPROVAL_MODES.contains(mode.trim().toLowerCase(Locale.ROOT))) {
      throw new RuleViolation("requestApprovalSettings.approvalMode", "Property 'requestApprovalSettings.approvalMode' "
          + "has the unknown value '" + mode + "'; expected one of: NoApproval, SingleStage, Serial, Parallel.");
    }
    return ApprovalRequirements.of(settings.isApprovalRequired(), settings.isApprovalRequiredForExtension(),
        settings.isRequestorJustificationRequired(), settings.approvalStages(), ApprovalRequirements.Spelling.BETA);
  }

  private static int daysRoundedUp(Duration duration) {
    long days = duration.toDays();
    return (int) (duration.equals(Duration.ofDays(days)) ? days : days + 1);
  }
}
