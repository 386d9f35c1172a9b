package org.quartermaster.policy.policies.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quartermaster.policy.policies.domain.Policies.FALLBACK_USER;
import static org.quartermaster.policy.policies.domain.Policies.RESOURCE_OWNER;
import static org.quartermaster.policy.policies.domain.Policies.managerStage;
import static org.quartermaster.policy.policies.domain.Policies.ownerStage;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.policy.common.domain.NotSupported;

/** Approval settings and stages: what a policy may ask of approvers, checked where each value sits in the request. */
class ApprovalSettingsTest {

  static final String STAGE = "requestApprovalSettings.stages[1]";
  static final List<SubjectSet> OWNER = List.of(SubjectSet.singleUser(RESOURCE_OWNER, "Owner"));
  static final List<SubjectSet> FALLBACK = List.of(SubjectSet.singleUser(FALLBACK_USER, null));
  static final List<SubjectSet> NOBODY = List.of();

  static ApprovalStage stage(String denial, Boolean escalates, String escalation, List<SubjectSet> escalationApprovers,
      Integer approvalsRequired) {
    return ApprovalStage.parse(denial, false, escalates, escalation, OWNER, NOBODY, escalationApprovers, NOBODY,
        approvalsRequired, null, STAGE);
  }

  static ApprovalSettings v1(boolean forAdd, boolean forUpdate, List<ApprovalStage> stages) {
    return ApprovalSettings.of(forAdd, forUpdate, false, null, stages, ApprovalSettings.Spelling.V1);
  }

  @Test
  void seed002sTwoStagesInMinutesAndDays() {
    ApprovalSettings settings = ApprovalSettings.of(true, null, true, null, List.of(managerStage(), ownerStage()),
        ApprovalSettings.Spelling.V1);

    assertThat(settings.isApprovalRequiredForAdd()).isTrue();
    assertThat(settings.isApprovalRequiredForUpdate()).isFalse();
    assertThat(settings.isRequestorJustificationRequired()).isTrue();
    ApprovalStage manager = settings.stages().get(0);
    assertThat(manager.durationBeforeAutomaticDenial()).isEqualTo(Duration.ofMinutes(15));
    assertThat(manager.durationBeforeEscalation()).isEqualTo(Duration.ofMinutes(5));
    assertThat(manager.isEscalationEnabled()).isTrue();
    assertThat(manager.isApproverJustificationRequired()).isTrue();
    assertThat(manager.primaryApprovers()).containsExactly(SubjectSet.requestorManager(1));
    assertThat(manager.escalationApprovers()).containsExactly(SubjectSet.singleUser(FALLBACK_USER, "Governance fallback"));
    assertThat(manager.approvalsRequired()).isEqualTo(1);
    assertThat(manager.approverInformationVisibility()).isEqualTo(ApproverInformationVisibility.DEFAULT);
    ApprovalStage owner = settings.stages().get(1);
    assertThat(owner.durationBeforeAutomaticDenial()).isEqualTo(Duration.ofDays(5));
    assertThat(owner.isEscalationEnabled()).isFalse();
    assertThat(owner.durationBeforeEscalation()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"PT15M, PT15M", "pt1h, PT1H", "P14D, P14D", "P2W, P14D", "PT1440M, P1D", "PT36H, P1DT12H", "PT90S, PT1M30S"})
  void durationsAcceptMinutesAndDaysAndReadBackInOneSpelling(String given, String canonical) {
    Duration duration = stage(given, false, null, NOBODY, null).durationBeforeAutomaticDenial();
    assertThat(AssignmentDuration.format(duration)).isEqualTo(canonical);
    assertThat(Duration.parse(canonical)).isEqualTo(duration);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-PT5M", "PT0S", "P0D", "P1Y", "P1M", "14"})
  void aDurationThatIsNotPositiveIsRefusedNamingTheClause(String given) {
    assertThatThrownBy(() -> stage(given, false, null, NOBODY, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".durationBeforeAutomaticDenial' must be a positive ISO-8601 duration");
    assertThatThrownBy(() -> stage("PT15M", true, given, FALLBACK, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".durationBeforeEscalation' must be a positive ISO-8601 duration");
  }

  @Test
  void theMessageQuotesWhatTheClientSent() {
    assertThatThrownBy(() -> stage("abc", false, null, NOBODY, null)).hasMessageContaining(STAGE
        + ".durationBeforeAutomaticDenial' must be a positive ISO-8601 duration, not 'abc'");
    assertThatThrownBy(() -> stage(null, false, null, NOBODY, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".durationBeforeAutomaticDenial' is required");
  }

  @Test
  void escalationComesBeforeDenialAndNamesWhoItEscalatesTo() {
    assertThatThrownBy(() -> stage("PT15M", true, "PT15M", FALLBACK, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".durationBeforeEscalation' (PT15M) must be shorter than '" + STAGE
            + ".durationBeforeAutomaticDenial' (PT15M)");
    assertThatThrownBy(() -> stage("PT15M", true, null, FALLBACK, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".durationBeforeEscalation' is required when '" + STAGE
            + ".isEscalationEnabled' is true");
    assertThatThrownBy(() -> stage("PT15M", true, "PT5M", NOBODY, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".escalationApprovers' and '" + STAGE
            + ".fallbackEscalationApprovers' are both empty");
    ApprovalStage fallbackOnly = ApprovalStage.parse("PT15M", false, true, "PT5M", OWNER, NOBODY, NOBODY, FALLBACK, null,
        null, STAGE);
    assertThat(fallbackOnly.fallbackEscalationApprovers()).isEqualTo(FALLBACK);
  }

  @Test
  void aStageThatDoesNotEscalateMaySayPT0SAndKeepsWhatItNames() {
    assertThat(stage("P7D", false, "PT0S", NOBODY, null).durationBeforeEscalation()).isNull();
    ApprovalStage kept = stage("P7D", false, "P2D", FALLBACK, null);
    assertThat(kept.durationBeforeEscalation()).isEqualTo(Duration.ofDays(2));
    assertThat(kept.escalationApprovers()).isEqualTo(FALLBACK);
  }

  @Test
  void everyStageNeedsPrimaryOrFallbackApprovers() {
    assertThatThrownBy(() -> ApprovalStage.parse("P7D", false, false, null, NOBODY, NOBODY, FALLBACK, NOBODY, null,
        null, STAGE)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("Approval stage '" + STAGE + "' names no approvers: '" + STAGE
            + ".primaryApprovers' and '" + STAGE + ".fallbackPrimaryApprovers' are both empty");
    assertThat(ApprovalStage.parse("P7D", false, false, null, NOBODY, FALLBACK, NOBODY, NOBODY, null, null, STAGE)
        .fallbackPrimaryApprovers()).isEqualTo(FALLBACK);
  }

  @Test
  void aQuorumIsOneOrMoreAndReachable() {
    assertThat(stage("P7D", false, null, NOBODY, null).approvalsRequired()).isEqualTo(1);
    assertThatThrownBy(() -> stage("P7D", false, null, NOBODY, 0)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".approvalsRequired' must be 1 or more, not 0");
    List<SubjectSet> three = List.of(SubjectSet.singleUser(UUID.randomUUID(), null),
        SubjectSet.singleUser(UUID.randomUUID(), null), SubjectSet.singleUser(UUID.randomUUID(), null));
    assertThat(ApprovalStage.parse("P7D", false, false, null, three, NOBODY, NOBODY, NOBODY, 2, null, STAGE)
        .approvalsRequired()).isEqualTo(2);
    assertThatThrownBy(() -> ApprovalStage.parse("P7D", false, false, null, three, NOBODY, NOBODY, NOBODY, 4, null,
        STAGE)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".approvalsRequired' is 4, but the stage names only 3 approvers");
    // A group is counted when the stage starts, so any quorum may be met then.
    List<SubjectSet> group = List.of(SubjectSet.groupMembers(UUID.randomUUID(), "Approvers"));
    assertThat(ApprovalStage.parse("P7D", false, false, null, group, NOBODY, NOBODY, NOBODY, 5, null, STAGE)
        .approvalsRequired()).isEqualTo(5);
  }

  @Test
  void approverInformationVisibilityIsKeptAndDefaults() {
    assertThat(ApprovalStage.parse("P7D", false, false, null, OWNER, NOBODY, NOBODY, NOBODY, null, "NotVisible", STAGE)
        .approverInformationVisibility()).isEqualTo(ApproverInformationVisibility.NOT_VISIBLE);
    assertThatThrownBy(() -> ApprovalStage.parse("P7D", false, false, null, OWNER, NOBODY, NOBODY, NOBODY, null,
        "secret", STAGE)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'" + STAGE + ".approverInformationVisibility' has the unknown value 'secret'");
  }

  @Test
  void approvalRequiredForAddOrUpdateNeedsAStageAndStagesWithoutItAreKept() {
    assertThatThrownBy(() -> v1(false, true, List.of())).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'requestApprovalSettings.isApprovalRequiredForUpdate' is true");
    ApprovalSettings notRequired = v1(false, false, List.of(ownerStage()));
    assertThat(notRequired.isApprovalRequired()).isFalse();
    assertThat(notRequired.stages()).containsExactly(ownerStage());
  }

  @Test
  void anyNumberOfStagesUpToTwenty() {
    assertThat(v1(true, false, Collections.nCopies(20, ownerStage())).stages()).hasSize(20);
    assertThatThrownBy(() -> v1(true, false, Collections.nCopies(21, ownerStage()))).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'requestApprovalSettings.stages' has 21 stages; Quartermaster runs at most 20");
  }

  @Test
  void approvalModeIsCheckedAgainstTheSettingsAndParallelIsRefused() {
    ApprovalSettings.Spelling beta = ApprovalSettings.Spelling.BETA;
    assertThatThrownBy(() -> ApprovalSettings.of(true, false, false, "Parallel", List.of(ownerStage()), beta))
        .isInstanceOf(NotSupported.class).hasMessageContaining("'requestApprovalSettings.approvalMode' value 'Parallel'");
    assertThatThrownBy(() -> ApprovalSettings.of(true, false, false, "NoApproval", List.of(ownerStage()), beta))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("is 'NoApproval', but "
            + "'requestApprovalSettings.isApprovalRequired' is true");
    assertThatThrownBy(() -> ApprovalSettings.of(true, false, false, "SingleStage", List.of(ownerStage(), ownerStage()),
        beta)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'SingleStage', but 'requestApprovalSettings.approvalStages' has 2 stages");
    assertThatThrownBy(() -> ApprovalSettings.of(false, false, false, "Sometimes", List.of(), beta))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'requestApprovalSettings.approvalMode' has the unknown "
            + "value 'Sometimes'");
    ApprovalSettings serial = ApprovalSettings.of(true, false, false, "Serial", List.of(managerStage(), ownerStage()),
        beta);
    assertThat(ApprovalMode.of(serial)).isEqualTo(ApprovalMode.SERIAL);
    assertThat(ApprovalMode.of(ApprovalSettings.of(true, false, false, "serial", List.of(ownerStage()), beta)))
        .isEqualTo(ApprovalMode.SINGLE_STAGE);
    assertThat(ApprovalMode.of(ApprovalSettings.none()).betaName()).isEqualTo("NoApproval");
  }

  @Test
  void sponsorsAreRefusedUntilConnectedOrganizationsExistNamingTheStageClause() {
    String clause = "requestApprovalSettings.stages[0].primaryApprovers[0]";
    assertThatThrownBy(() -> SubjectSet.parse("#microsoft.graph.internalSponsors", null, null, null, null, clause))
        .isInstanceOf(NotSupported.class).hasMessage(clause + ": subject set '#microsoft.graph.internalSponsors' needs "
            + "connected organizations, which Quartermaster does not have yet; use singleUser, groupMembers or "
            + "requestorManager.");
    assertThatThrownBy(() -> SubjectSet.parseBeta("#microsoft.graph.externalSponsors", null, null, null, clause))
        .isInstanceOf(NotSupported.class).hasMessageContaining("externalSponsors' needs connected organizations")
        .satisfies(refusal -> assertThat(((RuleViolation) refusal).clause()).isEqualTo(clause));
  }
}
