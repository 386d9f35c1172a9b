package org.quartermaster.request.approvals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.NotAllowed;
import org.quartermaster.request.common.domain.NotFound;
import org.quartermaster.request.policies.domain.ApprovalStage;

/** The approval stage machine: approver resolution, quorum, escalation, timeout, fallback and who may decide when. */
class ApprovalTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final UUID REQUEST = UUID.randomUUID();
  static final UUID REQUESTOR = UUID.randomUUID();
  static final UUID MANAGER = UUID.randomUUID();
  static final UUID SECOND = UUID.randomUUID();
  static final UUID ESCALATION = UUID.randomUUID();
  static final UUID A = UUID.randomUUID();
  static final UUID B = UUID.randomUUID();
  static final UUID C = UUID.randomUUID();

  static ApprovalStage stage(int quorum, boolean justification, Duration escalation) {
    return new ApprovalStage(Duration.ofMinutes(15), justification, escalation != null, escalation, List.of(), List.of(),
        List.of(), List.of(), quorum);
  }

  static Approval twoStages() {
    return Approval.of(REQUEST, "Finance", REQUESTOR, REQUESTOR,
        List.of(stage(1, true, Duration.ofMinutes(5)), stage(1, true, null)));
  }

  static ResolvedApprovers only(UUID... users) {
    return new ResolvedApprovers(List.of(users), List.of());
  }

  static Approval started(Approval approval, ResolvedApprovers first) {
    return approval.start(first, NOW).approval();
  }

  @Test
  void stagesHaveStableIdsAndStartNotStarted() {
    Approval approval = twoStages();

    assertThat(approval.stages()).extracting(Stage::index).containsExactly(1, 2);
    assertThat(approval.stages().get(0).id()).isEqualTo(Stage.idOf(REQUEST, 1)).isEqualTo(twoStages().stages().get(0).id());
    assertThat(approval.stages().get(1).id()).isNotEqualTo(approval.stages().get(0).id());
    assertThat(approval.stages()).allSatisfy(stage -> assertThat(stage.status()).isEqualTo(StageStatus.NOT_STARTED));
    assertThat(approval.current()).isEmpty();
    assertThat(approval.nextDeadline()).isNull();
  }

  @Test
  void startingAStageResolvesItsApproversWithoutTheRequestorAndSetsItsDeadlines() {
    Outcome outcome = twoStages().start(new ResolvedApprovers(List.of(MANAGER, REQUESTOR, MANAGER), List.of(C)), NOW);

    Stage first = outcome.approval().stages().get(0);
    assertThat(outcome.verdict()).isEqualTo(Outcome.Verdict.PENDING);
    assertThat(outcome.events()).singleElement().isInstanceOf(StageEvent.Started.class);
    assertThat(first.status()).isEqualTo(StageStatus.IN_PROGRESS);
    assertThat(first.approvers()).containsExactly(MANAGER);
    assertThat(first.escalateAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(first.denyAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(outcome.approval().nextDeadline()).isEqualTo(first.escalateAt());
    assertThat(outcome.approval().currentApprovers()).containsExactly(MANAGER);
  }

  @Test
  void anEmptyPrimarySetFallsBackAndNobodyAtAllDenies() {
    Outcome fallback = twoStages().start(new ResolvedApprovers(List.of(REQUESTOR), List.of(C)), NOW);
    assertThat(fallback.approval().stages().get(0).approvers()).containsExactly(C);

    Outcome nobody = twoStages().start(new ResolvedApprovers(List.of(), List.of(REQUESTOR)), NOW);
    assertThat(nobody.verdict()).isEqualTo(Outcome.Verdict.DENIED);
    assertThat(nobody.events()).isEmpty();
    assertThat(nobody.reason()).contains("Nobody can approve stage 1 of policy 'Finance'");
  }

  @Test
  void approvingTheFirstStageStartsTheSecondAndTheLastApprovesTheApproval() {
    Approval approval = started(twoStages(), only(MANAGER));
    UUID first = approval.stages().get(0).id();
    UUID second = approval.stages().get(1).id();

    Outcome one = approval.decide(first, MANAGER, ReviewResult.APPROVE, "ok", only(SECOND), NOW.plusSeconds(60));
    assertThat(one.verdict()).isEqualTo(Outcome.Verdict.PENDING);
    assertThat(one.events()).hasSize(2).first().isInstanceOf(StageEvent.Approved.class);
    assertThat(one.events().get(1)).isInstanceOf(StageEvent.Started.class);
    assertThat(one.approval().current().orElseThrow().id()).isEqualTo(second);
    assertThat(one.approval().currentApprovers()).containsExactly(SECOND);
    assertThat(one.approval().stages().get(1).denyAt()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofMinutes(15)));

    Outcome two = one.approval().decide(second, SECOND, ReviewResult.APPROVE, "fine", ResolvedApprovers.NONE,
        NOW.plusSeconds(120));
    assertThat(two.verdict()).isEqualTo(Outcome.Verdict.APPROVED);
    assertThat(two.approval().approved()).isTrue();
    assertThat(two.approval().current()).isEmpty();
    assertThat(two.approval().nextDeadline()).isNull();
  }

  @Test
  void aDenialEndsTheApprovalWithAReasonNamingTheStageAndTheApprover() {
    Approval approval = started(twoStages(), only(MANAGER));

    Outcome denied = approval.decide(approval.stages().get(0).id(), MANAGER, ReviewResult.DENY, "not needed",
        only(SECOND), NOW);

    assertThat(denied.verdict()).isEqualTo(Outcome.Verdict.DENIED);
    assertThat(denied.events()).singleElement().isInstanceOf(StageEvent.Denied.class);
    assertThat(denied.approval().stages().get(0).status()).isEqualTo(StageStatus.DENIED);
    assertThat(denied.approval().stages().get(1).status()).isEqualTo(StageStatus.NOT_STARTED);
    assertThat(denied.reason()).isEqualTo("Denied at stage 1 of policy 'Finance' by approver '" + MANAGER
        + "': not needed");
  }

  @Test
  void aQuorumStageCompletesAtTheRequiredNumberOfDistinctApprovals() {
    Approval approval = started(Approval.of(REQUEST, "Finance", REQUESTOR, REQUESTOR, List.of(stage(2, false, null))),
        only(A, B, C));
    UUID stage = approval.stages().get(0).id();

    Outcome first = approval.decide(stage, A, ReviewResult.APPROVE, null, ResolvedApprovers.NONE, NOW);
    assertThat(first.verdict()).isEqualTo(Outcome.Verdict.PENDING);
    assertThat(first.approval().stages().get(0).approvals()).isEqualTo(1);
    assertThat(first.approval().currentApprovers()).containsExactlyInAnyOrder(B, C);
    assertThatThrownBy(() -> first.approval().decide(stage, A, ReviewResult.APPROVE, null, ResolvedApprovers.NONE, NOW))
        .isInstanceOf(Conflict.class).hasMessageContaining("already decided stage 1");

    Outcome second = first.approval().decide(stage, B, ReviewResult.APPROVE, null, ResolvedApprovers.NONE, NOW);
    assertThat(second.verdict()).isEqualTo(Outcome.Verdict.APPROVED);
    assertThat(second.approval().stages().get(0).closingDecision().orElseThrow().approverId()).isEqualTo(B);

    assertThatThrownBy(() -> second.approval().decide(stage, C, ReviewResult.APPROVE, null, ResolvedApprovers.NONE, NOW))
        .isInstanceOf(Conflict.class).hasMessageContaining("it is already approved");
  }

  @Test
  void theRequestorCannotDecideEvenWhenResolvedAsAnApproverAndOthersMustBeApprovers() {
    // The requestor asks for someone else (the target differs), and is in the group that approves.
    UUID target = UUID.randomUUID();
    Approval approval = Approval.of(REQUEST, "Finance", REQUESTOR, target, List.of(stage(1, false, null)))
        .start(only(REQUESTOR, A), NOW).approval();
    UUID stage = approval.stages().get(0).id();

    assertThatThrownBy(() -> approval.decide(stage, REQUESTOR, ReviewResult.APPROVE, null, ResolvedApprovers.NONE, NOW))
        .isInstanceOf(NotAllowed.class).hasMessageContaining("made request '" + REQUEST + "' and cannot decide it");
    assertThatThrownBy(() -> approval.decide(stage, target, ReviewResult.APPROVE, null, ResolvedApprovers.NONE, NOW))
        .isInstanceOf(NotAllowed.class).hasMessageContaining("is not an approver of stage 1");
    assertThatThrownBy(() -> approval.decide(stage, B, ReviewResult.APPROVE, null, ResolvedApprovers.NONE, NOW))
        .isInstanceOf(NotAllowed.class);
  }

  @Test
  void aStageThatIsNotCurrentOrUnknownCannotBeDecided() {
    Approval approval = started(twoStages(), only(MANAGER));

    assertThatThrownBy(() -> approval.decide(approval.stages().get(1).id(), SECOND, ReviewResult.APPROVE, "x",
        ResolvedApprovers.NONE, NOW)).isInstanceOf(Conflict.class)
        .hasMessageContaining("stage 2 of approval '" + REQUEST + "': it has not started; stage 1 is current.");
    assertThatThrownBy(() -> approval.decide(UUID.randomUUID(), MANAGER, ReviewResult.APPROVE, "x",
        ResolvedApprovers.NONE, NOW)).isInstanceOf(NotFound.class);
  }

  @Test
  void aRequiredJustificationIsEnforcedAndAReviewResultMustBeKnown() {
    Approval approval = started(twoStages(), only(MANAGER));

    assertThatThrownBy(() -> approval.decide(approval.stages().get(0).id(), MANAGER, ReviewResult.APPROVE, "  ",
        only(SECOND), NOW)).isInstanceOf(RuleViolation.class)
        .hasMessage("Stage 1 of policy 'Finance' requires the approver's justification; the decision has none.")
        .satisfies(failure -> assertThat(((RuleViolation) failure).clause()).isEqualTo("justification"));
    assertThat(ReviewResult.parse("approve")).isEqualTo(ReviewResult.APPROVE);
    assertThatThrownBy(() -> ReviewResult.parse("Approved")).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'reviewResult' must be 'Approve' or 'Deny', not 'Approved'");
  }

  @Test
  void escalationAddsTheEscalationApproversOnceDueAndFallsBackWhenTheyResolveToNobody() {
    Approval approval = started(twoStages(), only(MANAGER));

    assertThat(approval.tick(NOW.plus(Duration.ofMinutes(4)), only(ESCALATION)).changed()).isFalse();
    assertThat(approval.escalationDue(NOW.plus(Duration.ofMinutes(5)))).isTrue();
    Outcome escalated = approval.tick(NOW.plus(Duration.ofMinutes(5)), only(ESCALATION));
    assertThat(escalated.events()).singleElement().isInstanceOf(StageEvent.Escalated.class);
    assertThat(escalated.approval().escalated()).isTrue();
    assertThat(escalated.approval().currentApprovers()).containsExactly(MANAGER, ESCALATION);
    assertThat(escalated.approval().nextDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    // An escalated stage does not escalate again.
    assertThat(escalated.approval().tick(NOW.plus(Duration.ofMinutes(6)), only(C)).changed()).isFalse();
    // The escalation approver decides like any other.
    Outcome decided = escalated.approval().decide(approval.stages().get(0).id(), ESCALATION, ReviewResult.APPROVE, "ok",
        only(SECOND), NOW.plus(Duration.ofMinutes(7)));
    assertThat(decided.approval().stages().get(0).status()).isEqualTo(StageStatus.APPROVED);

    Outcome fallback = approval.tick(NOW.plus(Duration.ofMinutes(5)),
        new ResolvedApprovers(List.of(REQUESTOR), List.of(C)));
    assertThat(fallback.approval().stages().get(0).escalationApprovers()).containsExactly(C);
  }

  @Test
  void aStageNotDecidedInTimeTimesOutEvenIfEscalationWasAlsoDue() {
    Approval approval = started(twoStages(), only(MANAGER));

    Outcome timedOut = approval.tick(NOW.plus(Duration.ofMinutes(16)), only(ESCALATION));

    assertThat(timedOut.verdict()).isEqualTo(Outcome.Verdict.TIMED_OUT);
    assertThat(timedOut.events()).isEmpty();
    assertThat(timedOut.approval().stages().get(0).status()).isEqualTo(StageStatus.TIMED_OUT);
    assertThat(timedOut.reason()).isEqualTo("timed out: stage 1 of policy 'Finance' was not decided within PT15M");
    assertThat(timedOut.approval().current()).isEmpty();
    // A late decision finds the stage closed.
    assertThatThrownBy(() -> timedOut.approval().decide(approval.stages().get(0).id(), MANAGER, ReviewResult.APPROVE,
        "late", only(SECOND), NOW.plus(Duration.ofMinutes(17)))).isInstanceOf(Conflict.class)
        .hasMessageContaining("already timedOut");
    assertThat(timedOut.approval().tick(NOW.plus(Duration.ofMinutes(30)), only(ESCALATION)).changed()).isFalse();
  }

  @Test
  void daysAreSpelledAsDaysInReasons() {
    assertThat(ApprovalStage.iso(Duration.ofDays(14))).isEqualTo("P14D");
    assertThat(ApprovalStage.iso(Duration.ofMinutes(15))).isEqualTo("PT15M");
  }
}
