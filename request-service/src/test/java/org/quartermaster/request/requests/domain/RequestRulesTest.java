package org.quartermaster.request.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.common.domain.ExpirationType;
import org.quartermaster.request.common.domain.NotAllowed;
import org.quartermaster.request.common.domain.NotFound;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.policies.domain.AllowedTarget;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.quartermaster.request.policies.domain.Question;
import org.quartermaster.request.policies.domain.RequestorRules;

/** Every clause of submission validation, and the order in which they are checked. */
class RequestRulesTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final DirectoryUser REQUESTOR = new DirectoryUser(UUID.randomUUID(), "Requestor1", "requestor1@contoso.com", null,
      "Member", true);
  static final DirectoryUser GUEST = new DirectoryUser(UUID.randomUUID(), "Guest1", "guest1@fabrikam.com", null, "Guest", true);
  static final Requester SELF = new Requester(REQUESTOR.id(), false);
  static final Requester ADMIN = new Requester(UUID.randomUUID(), true);
  static final AccessPackageSummary CAMPAIGN = new AccessPackageSummary(UUID.randomUUID(), UUID.randomUUID(),
      "Marketing Campaign", null, false);
  static final UUID MARKETING = UUID.randomUUID();

  /** A policy like the tutorials': Requestor1 may request for themself, for up to 30 days, without approval. */
  static final class PolicyBuilder {
    UUID accessPackageId = CAMPAIGN.id();
    String scope = "specificDirectoryUsers";
    List<AllowedTarget> targets = new ArrayList<>(List.of(
        new AllowedTarget(AllowedTarget.SINGLE_USER, REQUESTOR.id(), null, "Requestor1")));
    boolean selfAdd = true;
    boolean selfUpdate = true;
    boolean selfRemove = true;
    boolean customSchedule = false;
    Expiration expiration = new Expiration(ExpirationType.AFTER_DURATION, "P30D", null);
    boolean approval = false;
    boolean justification = false;
    List<Question> questions = new ArrayList<>();

    AssignmentPolicy build() {
      return new AssignmentPolicy(POLICY_ID, accessPackageId, CAMPAIGN.catalogId(), "Specific users", scope, targets,
          new RequestorRules(selfAdd, selfUpdate, selfRemove, customSchedule), expiration, approval, false, justification,
          questions);
    }
  }

  static final UUID POLICY_ID = UUID.randomUUID();

  static PolicyBuilder policy() {
    return new PolicyBuilder();
  }

  static Submission userAdd() {
    return new Submission(RequestType.USER_ADD, CAMPAIGN.id(), POLICY_ID, REQUESTOR.id(), null, null, List.of(), null);
  }

  static Submission with(Submission s, String justification, List<Answer> answers, RequestSchedule schedule) {
    return new Submission(s.type(), s.accessPackageId(), s.assignmentPolicyId(), s.targetId(), s.assignmentId(), justification,
        answers, schedule);
  }

  static AddFacts facts(AssignmentPolicy policy) {
    return facts(policy, REQUESTOR, Set.of());
  }

  static AddFacts facts(AssignmentPolicy policy, DirectoryUser target, Set<UUID> groups) {
    return new AddFacts(Optional.of(CAMPAIGN), Optional.of(policy), List.of(policy), Optional.of(target), groups,
        Optional.empty(), Optional.empty());
  }

  static Answer answer(String questionId, String value) {
    return new Answer(questionId, value, null, Answer.STRING);
  }

  @Test
  void aSelfRequestThatPassesEveryClauseGetsThePolicysExpiration() {
    ValidSubmission valid = RequestRules.checkAdd(userAdd(), SELF, facts(policy().build()), NOW);

    assertThat(valid.targetId()).isEqualTo(REQUESTOR.id());
    assertThat(valid.assignmentPolicyId()).isEqualTo(POLICY_ID);
    assertThat(valid.catalogId()).isEqualTo(CAMPAIGN.catalogId());
    assertThat(valid.schedule().expiration()).isEqualTo(new Expiration(ExpirationType.AFTER_DURATION, "P30D", null));
  }

  @Test
  void clausesAreCheckedInTheirOrder() {
    // A request that breaks every clause at once: each fix reveals the next clause.
    PolicyBuilder builder = policy();
    builder.accessPackageId = UUID.randomUUID();
    builder.selfAdd = false;
    builder.justification = true;
    builder.questions.add(new Question("q1", Question.TEXT, 0, true, "Cost center?", List.of(), false, null));
    Submission submission = with(userAdd(), null, List.of(), new RequestSchedule(NOW.plus(Duration.ofDays(2)), null));
    AddFacts duplicate = new AddFacts(Optional.of(CAMPAIGN), Optional.of(builder.build()), List.of(), Optional.of(REQUESTOR),
        Set.of(), Optional.of(LifecycleFixture.open()), Optional.empty());

    assertClause(submission, builder, duplicate, "assignmentPolicyId", "belongs to access package");
    builder.accessPackageId = CAMPAIGN.id();
    assertClause(submission, builder, duplicate, "requestorSettings", "enableTargetsToSelfAddAccess is false");
    builder.selfAdd = true;
    assertClause(submission, builder, duplicate, "justification", "requires a justification");
    submission = with(submission, "New campaign", List.of(), submission.schedule());
    assertClause(submission, builder, duplicate, "answers", "requires an answer to question 'Cost center?' (q1)");
    submission = with(submission, "New campaign", List.of(answer("q1", "CC-1")), submission.schedule());
    assertClause(submission, builder, duplicate, "schedule", "does not allow a custom assignment schedule");
    submission = with(submission, "New campaign", List.of(answer("q1", "CC-1")), null);
    assertClause(submission, builder, duplicate, "duplicate", "already has open request");
  }

  private static void assertClause(Submission submission, PolicyBuilder builder, AddFacts duplicate, String clause,
      String message) {
    AddFacts facts = new AddFacts(duplicate.accessPackage(), Optional.of(builder.build()), List.of(), duplicate.target(),
        duplicate.targetGroups(), duplicate.openRequest(), duplicate.activeAssignment());
    assertThatThrownBy(() -> RequestRules.checkAdd(submission, SELF, facts, NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining(message)
        .satisfies(failure -> assertThat(((RuleViolation) failure).clause()).isEqualTo(clause));
  }

  @Nested
  class Existence {

    @Test
    void aPackageUnknownToTheReadModelIsNotFound() {
      AddFacts facts = new AddFacts(Optional.empty(), Optional.empty(), List.of(), Optional.of(REQUESTOR), Set.of(),
          Optional.empty(), Optional.empty());
      assertThatThrownBy(() -> RequestRules.checkAdd(userAdd(), SELF, facts, NOW))
          .isInstanceOf(NotFound.class).hasMessageContaining("Access package '" + CAMPAIGN.id() + "' does not exist");
    }

    @Test
    void anUnknownPolicyOrTargetIsNotFound() {
      AddFacts noPolicy = new AddFacts(Optional.of(CAMPAIGN), Optional.empty(), List.of(), Optional.of(REQUESTOR), Set.of(),
          Optional.empty(), Optional.empty());
      assertThatThrownBy(() -> RequestRules.checkAdd(userAdd(), SELF, noPolicy, NOW))
          .isInstanceOf(NotFound.class).hasMessageContaining("Assignment policy '" + POLICY_ID + "' does not exist");
      AddFacts noTarget = new AddFacts(Optional.of(CAMPAIGN), Optional.of(policy().build()), List.of(), Optional.empty(),
          Set.of(), Optional.empty(), Optional.empty());
      assertThatThrownBy(() -> RequestRules.checkAdd(userAdd(), SELF, noTarget, NOW))
          .isInstanceOf(NotFound.class).hasMessageContaining("does not exist in the directory");
    }

    @Test
    void aRequestMayLeaveOutThePolicyWhenThePackageHasOnlyOne() {
      Submission noPolicy = new Submission(RequestType.USER_ADD, CAMPAIGN.id(), null, null, null, null, List.of(), null);
      AddFacts one = new AddFacts(Optional.of(CAMPAIGN), Optional.empty(), List.of(policy().build()), Optional.of(REQUESTOR),
          Set.of(), Optional.empty(), Optional.empty());
      assertThat(RequestRules.checkAdd(noPolicy, SELF, one, NOW).assignmentPolicyId()).isEqualTo(POLICY_ID);

      AddFacts two = new AddFacts(Optional.of(CAMPAIGN), Optional.empty(), List.of(policy().build(), policy().build()),
          Optional.of(REQUESTOR), Set.of(), Optional.empty(), Optional.empty());
      assertThatThrownBy(() -> RequestRules.checkAdd(noPolicy, SELF, two, NOW))
          .hasMessageContaining("'assignment.assignmentPolicyId' is required").hasMessageContaining("has 2 assignment policies");
    }
  }

  @Nested
  class WhoMayAsk {

    @Test
    void aSelfRequestIsMadeByItsTarget() {
      Submission forSomeoneElse = new Submission(RequestType.USER_ADD, CAMPAIGN.id(), POLICY_ID, GUEST.id(), null, null,
          List.of(), null);
      assertThatThrownBy(() -> RequestRules.checkAdd(forSomeoneElse, SELF, facts(policy().build(), GUEST, Set.of()), NOW))
          .isInstanceOf(NotAllowed.class)
          .hasMessageContaining("the caller '" + REQUESTOR.id() + "' is not the target '" + GUEST.id() + "'");
    }

    @Test
    void aSpecificUsersPolicyAdmitsItsSingleUsersAndTheMembersOfItsGroups() {
      PolicyBuilder builder = policy();
      builder.targets.add(new AllowedTarget(AllowedTarget.GROUP_MEMBERS, null, MARKETING, "Marketing"));
      Requester guest = new Requester(GUEST.id(), false);
      Submission guestAdd = new Submission(RequestType.USER_ADD, CAMPAIGN.id(), POLICY_ID, null, null, null, List.of(), null);

      assertThatThrownBy(() -> RequestRules.checkAdd(guestAdd, guest, facts(builder.build(), GUEST, Set.of()), NOW))
          .isInstanceOf(NotAllowed.class)
          .hasMessage("Assignment policy 'Specific users' allows user '" + REQUESTOR.id() + "' (Requestor1), members of group '"
              + MARKETING + "' (Marketing) only; user '" + GUEST.id() + "' is not allowed.");
      assertThat(RequestRules.checkAdd(guestAdd, guest, facts(builder.build(), GUEST, Set.of(MARKETING)), NOW).targetId())
          .isEqualTo(GUEST.id());
    }

    @Test
    void anAllMemberUsersPolicyRefusesGuests() {
      PolicyBuilder builder = policy();
      builder.scope = "allMemberUsers";
      Submission guestAdd = new Submission(RequestType.USER_ADD, CAMPAIGN.id(), POLICY_ID, null, null, null, List.of(), null);

      assertThatThrownBy(() -> RequestRules.checkAdd(guestAdd, new Requester(GUEST.id(), false),
          facts(builder.build(), GUEST, Set.of()), NOW))
          .isInstanceOf(NotAllowed.class).hasMessageContaining("allows member users only; user '" + GUEST.id() + "' is a Guest");
      assertThat(RequestRules.checkAdd(userAdd(), SELF, facts(builder.build()), NOW)).isNotNull();
    }

    @Test
    void anAllDirectoryUsersPolicyAdmitsGuestsToo() {
      PolicyBuilder builder = policy();
      builder.scope = "allDirectoryUsers";
      Submission guestAdd = new Submission(RequestType.USER_ADD, CAMPAIGN.id(), POLICY_ID, null, null, null, List.of(), null);

      assertThat(RequestRules.checkAdd(guestAdd, new Requester(GUEST.id(), false), facts(builder.build(), GUEST, Set.of()), NOW)
          .targetId()).isEqualTo(GUEST.id());
    }

    @Test
    void aNotSpecifiedPolicyIsForAdministratorsAssigningDirectly() {
      PolicyBuilder builder = policy();
      builder.scope = "notSpecified";
      builder.targets.clear();
      assertThatThrownBy(() -> RequestRules.checkAdd(userAdd(), SELF, facts(builder.build()), NOW))
          .isInstanceOf(NotAllowed.class).hasMessageContaining("takes no requests from users");

      Submission adminAdd = new Submission(RequestType.ADMIN_ADD, CAMPAIGN.id(), POLICY_ID, GUEST.id(), null, null, List.of(),
          null);
      assertThat(RequestRules.checkAdd(adminAdd, ADMIN, facts(builder.build(), GUEST, Set.of()), NOW).targetId())
          .isEqualTo(GUEST.id());
    }

    @Test
    void anAdministratorNeedsThePermissionAndATargetThePolicyAdmits() {
      Submission adminAdd = new Submission(RequestType.ADMIN_ADD, CAMPAIGN.id(), POLICY_ID, GUEST.id(), null, null, List.of(),
          null);
      assertThatThrownBy(() -> RequestRules.checkAdd(adminAdd, new Requester(UUID.randomUUID(), false),
          facts(policy().build(), GUEST, Set.of()), NOW))
          .isInstanceOf(NotAllowed.class).hasMessageContaining("needs the EntitlementManagement.ReadWrite.All permission");
      assertThatThrownBy(() -> RequestRules.checkAdd(adminAdd, ADMIN, facts(policy().build(), GUEST, Set.of()), NOW))
          .isInstanceOf(NotAllowed.class).hasMessageContaining("user '" + GUEST.id() + "' is not allowed");
    }

    @Test
    void anAdminAddNamesItsTarget() {
      Submission noTarget = new Submission(RequestType.ADMIN_ADD, CAMPAIGN.id(), POLICY_ID, null, null, null, List.of(), null);
      assertThatThrownBy(() -> RequestRules.checkAdd(noTarget, ADMIN, facts(policy().build()), NOW))
          .hasMessageContaining("'assignment.targetId' is required");
    }

    @Test
    void aPolicyRequiringApprovalAdmitsTheRequestWhichThenWaitsForItsApprovers() {
      PolicyBuilder builder = policy();
      builder.approval = true;
      assertThat(RequestRules.checkAdd(userAdd(), SELF, facts(builder.build()), NOW).assignmentPolicyId())
          .isEqualTo(POLICY_ID);
    }
  }

  @Nested
  class Justification {

    @Test
    void aBlankJustificationIsNone() {
      PolicyBuilder builder = policy();
      builder.justification = true;
      assertThatThrownBy(() -> RequestRules.checkAdd(with(userAdd(), "  ", List.of(), null), SELF, facts(builder.build()), NOW))
          .hasMessage("Assignment policy 'Specific users' requires a justification; the request has none.");
      assertThat(RequestRules.checkAdd(with(userAdd(), "campaign", List.of(), null), SELF, facts(builder.build()), NOW)
          .justification()).isEqualTo("campaign");
    }
  }

  @Nested
  class Questions {

    final Question costCenter = new Question("q1", Question.TEXT, 1, true, "Cost center?", List.of(), false, "CC-[0-9]{3}");
    final Question region = new Question("q2", Question.MULTIPLE_CHOICE, 0, true, "Region?", List.of("emea", "apac"), false,
        null);
    final Question note = new Question("q3", Question.TEXT, 2, false, "Anything else?", List.of(), false, null);

    AddFacts asked() {
      PolicyBuilder builder = policy();
      builder.questions.addAll(List.of(costCenter, region, note));
      return facts(builder.build());
    }

    Submission answering(Answer... answers) {
      return with(userAdd(), null, List.of(answers), null);
    }

    @Test
    void requiredQuestionsNeedAnAnswerInSequenceOrder() {
      assertThatThrownBy(() -> RequestRules.checkAdd(answering(answer("q1", "CC-123")), SELF, asked(), NOW))
          .hasMessageContaining("requires an answer to question 'Region?' (q2)");
      assertThatThrownBy(() -> RequestRules.checkAdd(answering(answer("q2", "emea"), answer("q1", "")), SELF, asked(), NOW))
          .hasMessageContaining("requires an answer to question 'Cost center?' (q1)");
    }

    @Test
    void aMultipleChoiceAnswerIsOneOfTheChoices() {
      assertThatThrownBy(() -> RequestRules.checkAdd(answering(answer("q2", "amer"), answer("q1", "CC-123")), SELF, asked(), NOW))
          .hasMessageContaining("the answer to question 'Region?' (q2) must be one of 'emea', 'apac'; got 'amer'");
    }

    @Test
    void aTextAnswerMatchesTheQuestionsPattern() {
      assertThatThrownBy(() -> RequestRules.checkAdd(answering(answer("q2", "emea"), answer("q1", "12")), SELF, asked(), NOW))
          .hasMessageContaining("must match the pattern 'CC-[0-9]{3}'; got '12'");
    }

    @Test
    void anAnswerIsAStringAnswerToAQuestionThePolicyAsks() {
      assertThatThrownBy(() -> RequestRules.checkAdd(answering(answer("q9", "x")), SELF, asked(), NOW))
          .hasMessageContaining("answers question 'q9', which assignment policy 'Specific users' does not ask");
      Answer choice = new Answer("q2", "emea", null, "accessPackageAnswerChoice");
      assertThatThrownBy(() -> RequestRules.checkAdd(answering(choice, answer("q1", "CC-123")), SELF, asked(), NOW))
          .hasMessageContaining("must be an accessPackageAnswerString, not 'accessPackageAnswerChoice'");
      assertThatThrownBy(() -> RequestRules.checkAdd(answering(answer("q2", "emea"), answer("q2", "apac"), answer("q1", "CC-1")),
          SELF, asked(), NOW)).hasMessageContaining("2 times; it takes one answer");
    }

    @Test
    void validAnswersPass() {
      ValidSubmission valid = RequestRules.checkAdd(answering(answer("q2", "emea"), answer("q1", "CC-123")), SELF, asked(), NOW);
      assertThat(valid.answers()).extracting(Answer::value).containsExactly("emea", "CC-123");
    }
  }

  @Nested
  class Schedule {

    @Test
    void aRequestorMayNotChooseTheScheduleUnlessThePolicyAllowsIt() {
      RequestSchedule later = new RequestSchedule(NOW.plus(Duration.ofDays(1)), null);
      assertThatThrownBy(() -> RequestRules.checkAdd(with(userAdd(), null, List.of(), later), SELF, facts(policy().build()), NOW))
          .hasMessageContaining("allowCustomAssignmentSchedule is false); the request sets startDateTime");
      RequestSchedule shorter = new RequestSchedule(null, new Expiration(ExpirationType.AFTER_DURATION, "P7D", null));
      assertThatThrownBy(() -> RequestRules.checkAdd(with(userAdd(), null, List.of(), shorter), SELF, facts(policy().build()), NOW))
          .hasMessageContaining("the request sets expiration afterDuration P7D");

      PolicyBuilder custom = policy();
      custom.customSchedule = true;
      assertThat(RequestRules.checkAdd(with(userAdd(), null, List.of(), shorter), SELF, facts(custom.build()), NOW)
          .schedule().expiration().duration()).isEqualTo("P7D");
    }

    @Test
    void aStartNowOrThePolicysOwnExpirationIsNoCustomSchedule() {
      RequestSchedule standard = new RequestSchedule(NOW.minusSeconds(30),
          new Expiration(ExpirationType.AFTER_DURATION, "P30D", null));
      assertThat(RequestRules.checkAdd(with(userAdd(), null, List.of(), standard), SELF, facts(policy().build()), NOW))
          .isNotNull();
    }

    @Test
    void aStartAFewSecondsAheadIsNowFromAClientWhoseClockRunsFast() {
      RequestSchedule skewed = new RequestSchedule(NOW.plusSeconds(30), null);
      ValidSubmission valid = RequestRules.checkAdd(with(userAdd(), null, List.of(), skewed), SELF, facts(policy().build()), NOW);
      assertThat(valid.schedule().startDateTime()).isEqualTo(NOW);
      assertThat(AssignmentRequest.submit(UUID.randomUUID(), valid, REQUESTOR.id(), NOW).state().state())
          .isEqualTo(RequestState.SUBMITTED);
    }

    @Test
    void noScheduleOutlastsThePolicysExpiration() {
      PolicyBuilder custom = policy();
      custom.customSchedule = true;
      RequestSchedule longer = new RequestSchedule(null, new Expiration(ExpirationType.AFTER_DURATION, "P60D", null));
      assertThatThrownBy(() -> RequestRules.checkAdd(with(userAdd(), null, List.of(), longer), SELF, facts(custom.build()), NOW))
          .hasMessageContaining("lets an assignment starting at " + NOW + " last until " + NOW.plus(Duration.ofDays(30))
              + " at most (expiration afterDuration P30D); the request asks for until " + NOW.plus(Duration.ofDays(60)));
      RequestSchedule forever = new RequestSchedule(null, new Expiration(ExpirationType.NO_EXPIRATION, null, null));
      assertThatThrownBy(() -> RequestRules.checkAdd(with(userAdd(), null, List.of(), forever), SELF, facts(custom.build()), NOW))
          .hasMessageContaining("the request asks for no expiration");
      // Administrators choose schedules freely, but within the policy too.
      Submission adminAdd = new Submission(RequestType.ADMIN_ADD, CAMPAIGN.id(), POLICY_ID, REQUESTOR.id(), null, null,
          List.of(), longer);
      assertThatThrownBy(() -> RequestRules.checkAdd(adminAdd, ADMIN, facts(policy().build()), NOW))
          .hasMessageContaining("the request asks for until");
    }

    @Test
    void anAdministratorMayChooseAScheduleWithinThePolicy() {
      RequestSchedule week = new RequestSchedule(NOW.plus(Duration.ofDays(1)),
          new Expiration(ExpirationType.AFTER_DATE_TIME, null, NOW.plus(Duration.ofDays(8))));
      Submission adminAdd = new Submission(RequestType.ADMIN_ADD, CAMPAIGN.id(), POLICY_ID, REQUESTOR.id(), null, null,
          List.of(), week);
      assertThat(RequestRules.checkAdd(adminAdd, ADMIN, facts(policy().build()), NOW).schedule()).isEqualTo(week);
    }

    @Test
    void badDurationsAndBackwardSchedulesAreRefused() {
      PolicyBuilder custom = policy();
      custom.customSchedule = true;
      RequestSchedule garbled = new RequestSchedule(null, new Expiration(ExpirationType.AFTER_DURATION, "30 days", null));
      assertThatThrownBy(() -> RequestRules.checkAdd(with(userAdd(), null, List.of(), garbled), SELF, facts(custom.build()), NOW))
          .hasMessageContaining("must be an ISO 8601 duration");
      RequestSchedule backwards = new RequestSchedule(null, new Expiration(ExpirationType.AFTER_DATE_TIME, null,
          NOW.minusSeconds(60)));
      assertThatThrownBy(() -> RequestRules.checkAdd(with(userAdd(), null, List.of(), backwards), SELF, facts(custom.build()), NOW))
          .hasMessageContaining("not after its start");
    }
  }

  @Nested
  class Duplicates {

    @Test
    void aDeliveredAssignmentOrAnOpenRequestForTheSameThingIsAConflict() {
      Assignment delivered = new Assignment(UUID.randomUUID(), CAMPAIGN.id(), CAMPAIGN.catalogId(), POLICY_ID, REQUESTOR.id(),
          "delivered", "Delivered", UUID.randomUUID(), NOW, null);
      AddFacts assigned = new AddFacts(Optional.of(CAMPAIGN), Optional.of(policy().build()), List.of(), Optional.of(REQUESTOR),
          Set.of(), Optional.empty(), Optional.of(delivered));
      assertThatThrownBy(() -> RequestRules.checkAdd(userAdd(), SELF, assigned, NOW))
          .isInstanceOf(Conflict.class).hasMessageContaining("already has assignment '" + delivered.id() + "' (delivered)");
    }
  }

  @Nested
  class RemovalsAndUpdates {

    final Assignment assignment = new Assignment(UUID.randomUUID(), CAMPAIGN.id(), CAMPAIGN.catalogId(), POLICY_ID,
        REQUESTOR.id(), "delivered", "Delivered", UUID.randomUUID(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));

    Submission change(RequestType type, RequestSchedule schedule) {
      return new Submission(type, null, null, null, assignment.id(), null, List.of(), schedule);
    }

    ChangeFacts facts(AssignmentPolicy policy) {
      return new ChangeFacts(Optional.of(assignment), Optional.of(policy), Optional.of(REQUESTOR), Set.of(), Optional.empty());
    }

    @Test
    void aRemovalNamesAnAssignmentTheReadModelKnows() {
      ChangeFacts unknown = new ChangeFacts(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Optional.empty());
      assertThatThrownBy(() -> RequestRules.checkChange(change(RequestType.ADMIN_REMOVE, null), ADMIN, unknown, NOW))
          .isInstanceOf(NotFound.class).hasMessageContaining("assignment '" + assignment.id() + "' does not exist");
      Assignment expired = new Assignment(assignment.id(), CAMPAIGN.id(), null, POLICY_ID, REQUESTOR.id(), "expired", "Expired",
          null, NOW, NOW);
      ChangeFacts gone = new ChangeFacts(Optional.of(expired), Optional.empty(), Optional.empty(), Set.of(), Optional.empty());
      assertThatThrownBy(() -> RequestRules.checkChange(change(RequestType.ADMIN_REMOVE, null), ADMIN, gone, NOW))
          .isInstanceOf(Conflict.class).hasMessageContaining("is expired: there is nothing to remove");
    }

    @Test
    void anAdministratorRemovesAnyAssignment() {
      ValidSubmission valid = RequestRules.checkChange(change(RequestType.ADMIN_REMOVE, null), ADMIN, facts(policy().build()), NOW);
      assertThat(valid.assignmentId()).isEqualTo(assignment.id());
      assertThat(valid.targetId()).isEqualTo(REQUESTOR.id());
      assertThat(valid.accessPackageId()).isEqualTo(CAMPAIGN.id());
      assertThatThrownBy(() -> RequestRules.checkChange(change(RequestType.ADMIN_REMOVE, null), SELF, facts(policy().build()), NOW))
          .isInstanceOf(NotAllowed.class);
    }

    @Test
    void aUserRemovesOnlyTheirOwnAssignmentAndOnlyWhereThePolicyLetsThem() {
      Requester stranger = new Requester(GUEST.id(), false);
      assertThatThrownBy(() -> RequestRules.checkChange(change(RequestType.USER_REMOVE, null), stranger, facts(policy().build()),
          NOW)).isInstanceOf(NotAllowed.class).hasMessageContaining("is not the target");
      PolicyBuilder locked = policy();
      locked.selfRemove = false;
      assertThatThrownBy(() -> RequestRules.checkChange(change(RequestType.USER_REMOVE, null), SELF, facts(locked.build()), NOW))
          .isInstanceOf(NotAllowed.class).hasMessageContaining("enableTargetsToSelfRemoveAccess is false");
      assertThat(RequestRules.checkChange(change(RequestType.USER_REMOVE, null), SELF, facts(policy().build()), NOW).type())
          .isEqualTo(RequestType.USER_REMOVE);
    }

    @Test
    void anOpenRemovalOfTheSameAssignmentIsAConflict() {
      ChangeFacts pending = new ChangeFacts(Optional.of(assignment), Optional.of(policy().build()), Optional.of(REQUESTOR),
          Set.of(), Optional.of(LifecycleFixture.open()));
      assertThatThrownBy(() -> RequestRules.checkChange(change(RequestType.ADMIN_REMOVE, null), ADMIN, pending, NOW))
          .isInstanceOf(Conflict.class).hasMessageContaining("already has open");
    }

    @Test
    void anUpdateExtendsWithinThePolicyWhereTheUserMayUpdate() {
      PolicyBuilder custom = policy();
      custom.customSchedule = true;
      RequestSchedule renew = new RequestSchedule(null, new Expiration(ExpirationType.AFTER_DURATION, "P20D", null));
      ValidSubmission valid = RequestRules.checkChange(change(RequestType.USER_UPDATE, renew), SELF, facts(custom.build()), NOW);
      assertThat(valid.assignmentId()).isEqualTo(assignment.id());
      assertThat(valid.schedule()).isEqualTo(renew);

      custom.selfUpdate = false;
      assertThatThrownBy(() -> RequestRules.checkChange(change(RequestType.USER_UPDATE, renew), SELF, facts(custom.build()), NOW))
          .isInstanceOf(NotAllowed.class).hasMessageContaining("enableTargetsToSelfUpdateAccess is false");
      RequestSchedule tooLong = new RequestSchedule(null, new Expiration(ExpirationType.AFTER_DURATION, "P90D", null));
      assertThatThrownBy(() -> RequestRules.checkChange(change(RequestType.ADMIN_UPDATE, tooLong), ADMIN, facts(custom.build()),
          NOW)).hasMessageContaining("at most (expiration afterDuration P30D)");
    }
  }

  /** An open request, for the duplicate clauses. */
  static final class LifecycleFixture {
    static AssignmentRequest open() {
      return new AssignmentRequest(UUID.randomUUID(), RequestType.USER_ADD, RequestState.DELIVERING, CAMPAIGN.id(),
          CAMPAIGN.catalogId(), POLICY_ID, REQUESTOR.id(), REQUESTOR.id(), null, null, RequestSchedule.NONE, List.of(),
          NOW.minusSeconds(10), null, null);
    }
  }
}
