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
import org.quartermaster.policy.policies.domain.BetaPolicy.BetaRequestorSettings;
import org.quartermaster.policy.policies.domain.BetaPolicy.BetaUserSet;

/** Beta's accessPackageAssignmentPolicy read into the one model and written back. */
class BetaPolicyTest {

  static final String REQUESTOR1 = "007d1c7e-7fa8-4e33-b678-5e437acdcddc";
  static final BetaApprovalSettings NO_APPROVAL = new BetaApprovalSettings(false, false, false, "NoApproval", 0);

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
    assertThat(definition.approval()).isEqualTo(ApprovalRequirements.none());
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
  void unsupportedScopeTypesAndApprovalAreRefusedByTheirBetaNames() {
    assertThatThrownBy(() -> policy(scope("AllExternalSubjects", true), 30, null, null, null).toDefinition())
        .isInstanceOf(NotSupported.class).hasMessageContaining("'requestorSettings.scopeType' value 'AllExternalSubjects'");
    assertThatThrownBy(() -> policy(null, 30, null, null, new BetaApprovalSettings(true, false, false, "SingleStage", 1))
        .toDefinition()).isInstanceOf(NotSupported.class).hasMessageContaining("'requestApprovalSettings'")
        .hasMessageContaining("isApprovalRequired=true").hasMessageContaining("approvalStages=1");
    assertThatThrownBy(() -> policy(null, 30, null, null, new BetaApprovalSettings(false, false, false, "Sometimes", 0))
        .toDefinition()).isInstanceOf(RuleViolation.class).hasMessageContaining("'requestApprovalSettings.approvalMode'");
    assertThat(policy(null, 30, null, null, new BetaApprovalSettings(false, false, true, "NoApproval", 0)).toDefinition()
        .approval().isRequestorJustificationRequired()).isTrue();
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
        Policies.selfService(), Expiration.after(Duration.ofHours(8)), ApprovalRequirements.none(), List.of(), List.of());
    assertThat(BetaPolicy.of(hours).durationInDays()).isEqualTo(1);
    assertThat(BetaPolicy.of(hours).requestorSettings().scopeType()).isEqualTo("AllExistingDirectoryMemberUsers");
    PolicyDefinition open = new PolicyDefinition("p", null, TargetScope.ALL_DIRECTORY_USERS, List.of(),
        Policies.selfService(), Expiration.notSpecified(), ApprovalRequirements.none(), List.of(), List.of());
    assertThat(BetaPolicy.of(open).durationInDays()).isZero();
    assertThat(BetaPolicy.of(open).requestorSettings().scopeType()).isEqualTo("AllExistingDirectorySubjects");
  }
}
