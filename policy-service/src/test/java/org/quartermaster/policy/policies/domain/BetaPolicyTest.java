package org.quartermaster.policy.policies.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.policy.common.domain.NotSupported;
import org.quartermaster.policy.policies.domain.BetaPolicy.BetaApprovalSettings;
import org.quartermaster.policy.policies.domain.BetaPolicy.BetaApprovalStage;
import org.quartermaster.policy.policies.domain.BetaPolicy.BetaRequestorSettings;
import org.quartermaster.policy.policies.domain.BetaPolicy.BetaUserSet;

/** Beta's accessPackageAssignmentPolicy read into the one model and written back. */
class BetaPolicyTest {

  static final String REQUESTOR1 = "007d1c7e-7fa8-4e33-b678-5e437acdcddc";
  static final BetaApprovalSettings NO_APPROVAL = new BetaApprovalSettings(false, false, false, "NoApproval", List.of());
  static final String FALLBACK = Policies.FALLBACK_USER.toString();
  static final String OWNER = Policies.RESOURCE_OWNER.toString();

  static BetaPolicy policy(BetaRequestorSettings requestors, Integer days, Instant end, Boolean canExtend,
      BetaApprovalSettings approval) {
    return new BetaPolicy("Specific users", "Specific users can request assignment", canExtend, days, end, requestors,
        approval, List.of(), List.of());
  }

  static BetaRequestorSettings scope(String scopeType, Boolean acceptRequests, BetaUserSet... allowed) {
    return new BetaRequestorSettings(scopeType, acceptRequests, List.of(allowed));
  }

  static BetaUserSet requestor1() {
    return new BetaUserSet("#microsoft.graph.singleUser", REQUESTOR1, "Requestor1", false, null);
  }

  @Test
  void seed001Step17BecomesSpecificDirectoryUsersForThirtyDays() {
    PolicyDefinition definition = policy(scope("SpecificDirectorySubjects", true, requestor1()), 30, null, null,
        NO_APPROVAL).toDefinition();

    assertThat(definition.allowedTargetScope()).isEqualTo(TargetScope.SPECIFIC_DIRECTORY_USERS);
    assertThat(definition.specificAllowedTargets())
        .containsExactly(SubjectSet.singleUser(UUID.fromString(REQUESTOR1), "Requestor1"));
    assertThat(definition.requestorSettings().enableTargetsToSelfAddAccess()).isTrue();
    assertThat(definition.requestorSettings().enableTargetsToSelfRemoveAccess()).isTrue();
    assertThat(definition.requestorSettings().enableTargetsToSelfUpdateAccess()).isFalse();
    assertThat(definition.expiration()).isEqualTo(new Expiration(ExpirationType.AFTER_DURATION, "P30D", null));
    assertThat(definition.approval()).isEqualTo(ApprovalSettings.none());
  }

  @Test
  void scopeTypesMapToTargetScopes() {
    assertThat(policy(scope("AllExistingDirectoryMemberUsers", true), 0, null, null, null).toDefinition()
        .allowedTargetScope()).isEqualTo(TargetScope.ALL_MEMBER_USERS);
    assertThat(policy(scope("allexistingdirectorysubjects", true), 0, null, null, null).toDefinition()
        .allowedTargetScope()).isEqualTo(TargetScope.ALL_DIRECTORY_USERS);
    PolicyDefinition nobody = policy(scope("NoSubjects", true), 0, null, null, null).toDefinition();
    assertThat(nobody.allowedTargetScope()).isEqualTo(TargetScope.NOT_SPECIFIED);
    assertThat(nobody.requestorSettings()).isEqualTo(RequestorSettings.none());
    assertThat(policy(null, null, null, null, null).toDefinition().allowedTargetScope())
        .isEqualTo(TargetScope.NOT_SPECIFIED);
  }

  @Test
  void acceptRequestsSwitchesSelfAddAndCanExtendSwitchesSelfUpdate() {
    RequestorSettings closed = policy(scope("AllExistingDirectorySubjects", false), 0, null, true, null).toDefinition()
        .requestorSettings();
    assertThat(closed.enableTargetsToSelfAddAccess()).isFalse();
    assertThat(closed.enableTargetsToSelfRemoveAccess()).isTrue();
    assertThat(closed.enableTargetsToSelfUpdateAccess()).isTrue();
    assertThat(policy(scope("AllExistingDirectorySubjects", null), 0, null, null, null).toDefinition()
        .requestorSettings().enableTargetsToSelfAddAccess()).isTrue();
  }

  @Test
  void lifetimeMapsToAnExpirationPattern() {
    Instant end = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(policy(null, null, end, null, null).toDefinition().expiration()).isEqualTo(Expiration.at(end));
    assertThat(policy(null, 0, null, null, null).toDefinition().expiration()).isEqualTo(Expiration.never());
    assertThatThrownBy(() -> policy(null, 30, end, null, null).toDefinition()).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("either 'durationInDays' or 'expirationDateTime'");
    assertThatThrownBy(() -> policy(null, -1, null, null, null).toDefinition()).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'durationInDays' must be 0 or more");
  }

  @Test
  void allowedRequestorsAreCheckedUnderTheirBetaNames() {
    assertThatThrownBy(() -> policy(scope("SpecificDirectorySubjects", true), 30, null, null, null).toDefinition())
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'requestorSettings.allowedRequestors'");
    assertThatThrownBy(() -> policy(scope("AllExistingDirectorySubjects", true, requestor1()), 30, null, null, null)
        .toDefinition()).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("applies only to scopeType 'SpecificDirectorySubjects'");
    BetaUserSet nameless = new BetaUserSet("#microsoft.graph.singleUser", null, "Requestor1", false, null);
    assertThatThrownBy(() -> policy(scope("SpecificDirectorySubjects", true, nameless), 30, null, null, null)
        .toDefinition()).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'requestorSettings.allowedRequestors[0].id' is required");
    UUID group = UUID.randomUUID();
    BetaUserSet members = new BetaUserSet("#microsoft.graph.groupMembers", group.toString(), "Marketing", true, null);
    assertThat(policy(scope("SpecificDirectorySubjects", true, members), 30, null, null, null).toDefinition()
        .specificAllowedTargets()).containsExactly(SubjectSet.groupMembers(group, "Marketing"));
  }

  @Test
  void unsupportedScopeTypesAndApprovalWithoutStagesAreRefusedByTheirBetaNames() {
    assertThatThrownBy(() -> policy(scope("AllExternalSubjects", true), 30, null, null, null).toDefinition())
        .isInstanceOf(NotSupported.class).hasMessageContaining("'requestorSettings.scopeType' value 'AllExternalSubjects'");
    assertThatThrownBy(() -> policy(null, 30, null, null, new BetaApprovalSettings(true, false, false, "SingleStage",
        List.of())).toDefinition()).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'requestApprovalSettings.isApprovalRequired' is true")
        .hasMessageContaining("'requestApprovalSettings.approvalStages' is empty");
    assertThatThrownBy(() -> policy(null, 30, null, null, new BetaApprovalSettings(false, false, false, "Sometimes",
        List.of())).toDefinition()).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'requestApprovalSettings.approvalMode'");
    assertThat(policy(null, 30, null, null, new BetaApprovalSettings(false, false, true, "NoApproval", List.of()))
        .toDefinition().approval().isRequestorJustificationRequired()).isTrue();
  }

  static BetaUserSet user(String id, boolean isBackup) {
    return new BetaUserSet("#microsoft.graph.singleUser", id, null, isBackup, null);
  }

  static BetaApprovalStage managerStage(Integer days, String iso, Integer minutes) {
    return new BetaApprovalStage(days, iso, true, true, minutes, null,
        List.of(new BetaUserSet("#microsoft.graph.requestorManager", null, null, false, 1)),
        List.of(user(FALLBACK, false)), null);
  }

  @Test
  void seed002sBetaStagesMapToTheOneModel() {
    BetaApprovalStage owner = new BetaApprovalStage(5, null, true, false, null, null,
        List.of(user(OWNER, false), user(FALLBACK, true)), List.of(), 2);
    PolicyDefinition definition = policy(null, 30, null, null, new BetaApprovalSettings(true, false, true, "Serial",
        List.of(managerStage(3, null, 1440), owner))).toDefinition();

    ApprovalSettings approval = definition.approval();
    assertThat(approval.isApprovalRequiredForAdd()).isTrue();
    assertThat(approval.isRequestorJustificationRequired()).isTrue();
    ApprovalStage first = approval.stages().get(0);
    assertThat(first.durationBeforeAutomaticDenial()).isEqualTo(Duration.ofDays(3));
    assertThat(first.durationBeforeEscalation()).isEqualTo(Duration.ofMinutes(1440));
    assertThat(AssignmentDuration.format(first.durationBeforeEscalation())).isEqualTo("P1D");
    assertThat(first.primaryApprovers()).containsExactly(SubjectSet.requestorManager(1));
    assertThat(first.escalationApprovers()).containsExactly(SubjectSet.singleUser(Policies.FALLBACK_USER, null));
    ApprovalStage second = approval.stages().get(1);
    assertThat(second.primaryApprovers()).containsExactly(SubjectSet.singleUser(Policies.RESOURCE_OWNER, null));
    assertThat(second.fallbackPrimaryApprovers()).containsExactly(SubjectSet.singleUser(Policies.FALLBACK_USER, null));
    assertThat(second.approvalsRequired()).isEqualTo(2);
    assertThat(second.durationBeforeEscalation()).isNull();

    // Read back in beta terms: backups flagged, counts alongside the ISO durations, the mode the settings imply.
    BetaApprovalSettings beta = BetaPolicy.of(definition).requestApprovalSettings();
    assertThat(beta.approvalMode()).isEqualTo("Serial");
    assertThat(beta.approvalStages().get(0)).isEqualTo(new BetaApprovalStage(3, "P3D", true, true, 1440, "P1D",
        List.of(new BetaUserSet("#microsoft.graph.requestorManager", null, null, false, 1)),
        List.of(user(FALLBACK, false)), 1));
    assertThat(beta.approvalStages().get(1).primaryApprovers()).containsExactly(user(OWNER, false), user(FALLBACK, true));
    assertThat(policy(null, 30, null, null, beta).toDefinition().approval()).isEqualTo(approval);
  }

  @Test
  void isoDurationsOnBetaStagesWinAndReadBackRoundedUp() {
    BetaApprovalStage minutes = new BetaApprovalStage(14, "PT15M", true, true, 60, "PT5M",
        List.of(user(OWNER, false)), List.of(user(FALLBACK, false)), null);
    ApprovalStage stage = minutes.toStage("requestApprovalSettings.approvalStages[0]");
    assertThat(stage.durationBeforeAutomaticDenial()).isEqualTo(Duration.ofMinutes(15));
    assertThat(stage.durationBeforeEscalation()).isEqualTo(Duration.ofMinutes(5));

    BetaApprovalStage read = BetaApprovalStage.of(stage);
    assertThat(read.approvalStageTimeOutInDays()).isEqualTo(1);
    assertThat(read.durationBeforeAutomaticDenial()).isEqualTo("PT15M");
    assertThat(read.escalationTimeInMinutes()).isEqualTo(5);
  }

  @Test
  void betaStageCountsAreCheckedByTheirBetaNames() {
    String at = "requestApprovalSettings.approvalStages[0]";
    assertThatThrownBy(() -> managerStage(0, null, 60).toStage(at)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + at + ".approvalStageTimeOutInDays' must be 1 or more days, not 0");
    assertThatThrownBy(() -> managerStage(null, null, 60).toStage(at)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + at + ".approvalStageTimeOutInDays' is required");
    assertThatThrownBy(() -> managerStage(3, null, 0).toStage(at)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + at + ".escalationTimeInMinutes' must be 1 or more minutes, not 0");
    assertThatThrownBy(() -> managerStage(1, null, 1440).toStage(at)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + at + ".escalationTimeInMinutes' (P1D) must be shorter than '" + at
            + ".approvalStageTimeOutInDays' (P1D)");
    assertThatThrownBy(() -> managerStage(3, "soon", 60).toStage(at)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + at + ".durationBeforeAutomaticDenial' must be a positive ISO-8601 duration, not 'soon'");
    BetaApprovalStage quiet = new BetaApprovalStage(3, null, false, false, 0, null, List.of(user(OWNER, false)),
        List.of(), null);
    assertThat(quiet.toStage(at).durationBeforeEscalation()).isNull();
    BetaApprovalStage onlyBackups = new BetaApprovalStage(3, null, false, false, 0, null, List.of(), List.of(), null);
    assertThatThrownBy(() -> onlyBackups.toStage(at)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + at + ".primaryApprovers' is empty");
    BetaApprovalStage sponsors = new BetaApprovalStage(3, null, false, false, 0, null,
        List.of(new BetaUserSet("#microsoft.graph.internalSponsors", null, null, false, null)), List.of(), null);
    assertThatThrownBy(() -> sponsors.toStage(at)).isInstanceOf(NotSupported.class)
        .hasMessageStartingWith(at + ".primaryApprovers[0]: subject set '#microsoft.graph.internalSponsors' needs "
            + "connected organizations");
  }

  @Test
  void aPolicyReadsBackInBetaTerms() {
    PolicyDefinition definition = policy(scope("SpecificDirectorySubjects", true, requestor1()), 30, null, true,
        NO_APPROVAL).toDefinition();

    BetaPolicy beta = BetaPolicy.of(definition);

    assertThat(beta.requestorSettings().scopeType()).isEqualTo("SpecificDirectorySubjects");
    assertThat(beta.requestorSettings().acceptRequests()).isTrue();
    assertThat(beta.requestorSettings().allowedRequestors())
        .containsExactly(new BetaUserSet("#microsoft.graph.singleUser", REQUESTOR1, "Requestor1", false, null));
    assertThat(beta.durationInDays()).isEqualTo(30);
    assertThat(beta.expirationDateTime()).isNull();
    assertThat(beta.canExtend()).isTrue();
    assertThat(beta.requestApprovalSettings()).isEqualTo(NO_APPROVAL);
  }

  @Test
  void v1OnlyLifetimesReadInBetaAsCloseAsItAllows() {
    PolicyDefinition hours = new PolicyDefinition("p", null, TargetScope.ALL_MEMBER_USERS, List.of(),
        Policies.selfService(), Expiration.after(Duration.ofHours(8)), ApprovalSettings.none(), List.of(), List.of());
    assertThat(BetaPolicy.of(hours).durationInDays()).isEqualTo(1);
    assertThat(BetaPolicy.of(hours).requestorSettings().scopeType()).isEqualTo("AllExistingDirectoryMemberUsers");
    PolicyDefinition open = new PolicyDefinition("p", null, TargetScope.ALL_DIRECTORY_USERS, List.of(),
        Policies.selfService(), Expiration.notSpecified(), ApprovalSettings.none(), List.of(), List.of());
    assertThat(BetaPolicy.of(open).durationInDays()).isZero();
    assertThat(BetaPolicy.of(open).requestorSettings().scopeType()).isEqualTo("AllExistingDirectorySubjects");
  }
}
