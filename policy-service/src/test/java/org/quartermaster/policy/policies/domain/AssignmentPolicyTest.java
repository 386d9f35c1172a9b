package org.quartermaster.policy.policies.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quartermaster.policy.policies.domain.Policies.CAMPAIGN;
import static org.quartermaster.policy.policies.domain.Policies.NOW;
import static org.quartermaster.policy.policies.domain.Policies.choice;
import static org.quartermaster.policy.policies.domain.Policies.created;
import static org.quartermaster.policy.policies.domain.Policies.forMembers;
import static org.quartermaster.policy.policies.domain.Policies.forTargets;
import static org.quartermaster.policy.policies.domain.Policies.option;
import static org.quartermaster.policy.policies.domain.Policies.text;
import static org.quartermaster.policy.policies.domain.Policies.with;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.policy.common.domain.Conflict;
import org.quartermaster.policy.common.domain.NotSupported;

class AssignmentPolicyTest {

  @Test
  void creatingAPolicyTiesItToThePackageAndItsCatalog() {
    Change<AssignmentPolicy, PolicyEvent> change = AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, null,
        forMembers("  All members  "), Map.of(), NOW, "admin@contoso.com", UUID::randomUUID);

    AssignmentPolicy policy = change.state();
    assertThat(policy.accessPackageId()).isEqualTo(CAMPAIGN.id());
    assertThat(policy.catalogId()).isEqualTo(CAMPAIGN.catalogId());
    assertThat(policy.displayName()).isEqualTo("All members");
    assertThat(policy.audit().createdBy()).isEqualTo("admin@contoso.com");
    assertThat(change.events()).containsExactly(new PolicyEvent.Created(policy));
  }

  @Test
  void aCatalogOtherThanThePackagesIsRefused() {
    assertThatThrownBy(() -> AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, UUID.randomUUID(), forMembers("p"),
        Map.of(), NOW, "a", UUID::randomUUID)).isInstanceOf(RuleViolation.class).hasMessageContaining("Marketing Campaign");
  }

  @Test
  void displayNameIsRequired() {
    assertThatThrownBy(() -> created(forMembers(" "))).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'displayName' is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"specificConnectedOrganizationUsers", "specificDirectoryServicePrincipals",
      "allDirectoryServicePrincipals", "allConfiguredConnectedOrganizationUsers", "allExternalUsers"})
  void targetScopesThatCannotBeHonouredYetAreRefusedByName(String scope) {
    assertThatThrownBy(() -> TargetScope.parse(scope)).isInstanceOf(NotSupported.class)
        .hasMessageContaining("'" + scope + "' is not supported yet");
  }

  @Test
  void targetScopesAreReadCaseInsensitivelyAndAnUnknownOneIsNamed() {
    assertThat(TargetScope.parse("AllMemberUsers")).isEqualTo(TargetScope.ALL_MEMBER_USERS);
    assertThat(TargetScope.parse(" alldirectoryusers ")).isEqualTo(TargetScope.ALL_DIRECTORY_USERS);
    assertThat(TargetScope.parse(null)).isEqualTo(TargetScope.NOT_SPECIFIED);
    assertThatThrownBy(() -> TargetScope.parse("everyone")).isInstanceOf(RuleViolation.class)
        .isNotInstanceOf(NotSupported.class).hasMessageContaining("'allowedTargetScope' has the unknown value 'everyone'");
  }

  @Test
  void specificUsersNeedTargetsAndOtherScopesTakeNone() {
    assertThatThrownBy(() -> created(forTargets(List.of()))).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("needs at least one entry in 'specificAllowedTargets'");
    PolicyDefinition membersWithTargets = new PolicyDefinition("p", null, TargetScope.ALL_MEMBER_USERS,
        List.of(SubjectSet.singleUser(UUID.randomUUID(), null)), Policies.selfService(), Expiration.never(),
        ApprovalSettings.none(), List.of(), List.of());
    assertThatThrownBy(() -> created(membersWithTargets)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'specificAllowedTargets' applies only to allowedTargetScope 'specificDirectoryUsers'");
  }

  @Test
  void subjectSetsAreReadByTheirODataTypeAndNameTheirObject() {
    UUID user = UUID.randomUUID();
    assertThat(SubjectSet.parse("#microsoft.graph.singleUser", user.toString(), null, null, "Requestor1", "t[0]"))
        .isEqualTo(SubjectSet.singleUser(user, "Requestor1"));
    assertThat(SubjectSet.parse("microsoft.graph.requestorManager", null, null, null, null, "t[0]"))
        .isEqualTo(SubjectSet.requestorManager(1));
    assertThatThrownBy(() -> SubjectSet.parse("#microsoft.graph.groupMembers", null, "marketing", null, null, "t[1]"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'t[1].groupId' must be the object id (a GUID)");
    assertThatThrownBy(() -> SubjectSet.parse("#microsoft.graph.connectedOrganizationMembers", null, null, null, null,
        "t[0]")).isInstanceOf(NotSupported.class).hasMessageContaining("connectedOrganizationMembers");
    assertThatThrownBy(() -> SubjectSet.parse(null, user.toString(), null, null, null, "t[0]"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'t[0].@odata.type' is required");
  }

  @Test
  void approvalNeedsAStageAndAPolicyKeepsItsStages() {
    assertThatThrownBy(() -> ApprovalSettings.of(true, false, false, null, List.of(), ApprovalSettings.Spelling.V1))
        .isInstanceOf(RuleViolation.class).isNotInstanceOf(NotSupported.class)
        .hasMessageContaining("'requestApprovalSettings.isApprovalRequiredForAdd' is true")
        .hasMessageContaining("'requestApprovalSettings.stages' is empty");
    assertThat(ApprovalSettings.of(false, null, true, null, List.of(), ApprovalSettings.Spelling.V1))
        .isEqualTo(new ApprovalSettings(false, false, true, List.of()));

    ApprovalSettings twoStages = ApprovalSettings.of(true, false, true, null,
        List.of(Policies.managerStage(), Policies.ownerStage()), ApprovalSettings.Spelling.V1);
    AssignmentPolicy policy = created(Policies.withApproval(forMembers("Approved"), twoStages));

    assertThat(policy.definition().approval().stages()).containsExactly(Policies.managerStage(), Policies.ownerStage());
    assertThat(policy.definition().approval().isApprovalRequired()).isTrue();
    Change<AssignmentPolicy, PolicyEvent> replaced = policy.replace(null, null,
        Policies.withApproval(forMembers("Approved"), ApprovalSettings.of(true, false, true, null,
            List.of(Policies.ownerStage()), ApprovalSettings.Spelling.V1)), Map.of(), NOW.plusSeconds(1), "a",
        UUID::randomUUID);
    assertThat(replaced.changed()).isTrue();
    assertThat(replaced.state().definition().approval().stages()).containsExactly(Policies.ownerStage());
  }

  @Test
  void durationsAreKeptInOneCanonicalSpelling() {
    assertThat(Expiration.parse("afterDuration", "P30D", null).duration()).isEqualTo("P30D");
    assertThat(Expiration.parse("AfterDuration", "pt8h", null).duration()).isEqualTo("PT8H");
    assertThat(Expiration.parse(null, "P2W", null)).isEqualTo(Expiration.after(Duration.ofDays(14)));
    assertThat(Expiration.parse("afterDuration", "P1DT36H", null).duration()).isEqualTo("P2DT12H");
    assertThat(Expiration.parse("afterDuration", "PT90M", null).asDuration()).contains(Duration.ofMinutes(90));
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1Y", "thirty days", "P0D", "-P1D", ""})
  void badDurationsAreRefusedNamingTheField(String duration) {
    assertThatThrownBy(() -> Expiration.parse("afterDuration", duration, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'expiration.duration'");
  }

  @Test
  void expirationValuesMustFitTheirType() {
    Instant later = NOW.plus(Duration.ofDays(10));
    assertThat(Expiration.parse(null, null, later)).isEqualTo(Expiration.at(later));
    assertThat(Expiration.parse(null, null, null).type()).isEqualTo(ExpirationType.NOT_SPECIFIED);
    assertThatThrownBy(() -> Expiration.parse("afterDateTime", null, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'expiration.endDateTime' is required");
    assertThatThrownBy(() -> Expiration.parse("noExpiration", "P30D", null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'expiration.duration' does not apply to expiration type 'noExpiration'");
    assertThatThrownBy(() -> Expiration.parse("whenever", null, null)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'expiration.type'");
  }

  @Test
  void anEndDateMustLieAheadWhenItIsSet() {
    PolicyDefinition past = new PolicyDefinition("p", null, TargetScope.ALL_MEMBER_USERS, List.of(), Policies.selfService(),
        Expiration.at(NOW.minusSeconds(1)), ApprovalSettings.none(), List.of(), List.of());
    assertThatThrownBy(() -> created(past)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'expiration.endDateTime'").hasMessageContaining("must be in the future");
  }

  @Test
  void questionsWithoutAnIdGetOneAndGivenIdsAreKept() {
    AssignmentPolicy policy = created(with(forMembers("p"), List.of(text(null, "Why?"), text("q-2", "Project code?"))));

    List<Question> questions = policy.definition().questions();
    assertThat(questions.get(0).id()).isNotBlank();
    assertThat(UUID.fromString(questions.get(0).id())).isNotNull();
    assertThat(questions.get(1).id()).isEqualTo("q-2");
  }

  @Test
  void questionsAreChecked() {
    assertThatThrownBy(() -> created(with(forMembers("p"), List.of(text("a", "One"), text("a", "Two")))))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'questions[1].id' repeats the id 'a'");
    assertThatThrownBy(() -> created(with(forMembers("p"), List.of(choice("c", "Team?", List.of())))))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'questions[0].choices' needs at least one choice");
    assertThatThrownBy(() -> created(with(forMembers("p"), List.of(choice("c", "Team?", List.of(option("x"), option("x")))))))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'questions[0].choices[1].actualValue' repeats");
    Question badPattern = new Question("r", QuestionType.TEXT, 0, true, false, "Code?", List.of(), true, "[a-", List.of(),
        false);
    assertThatThrownBy(() -> created(with(forMembers("p"), List.of(badPattern)))).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'questions[0].regexPattern' is not a valid regular expression");
    Question untranslated = new Question("l", QuestionType.TEXT, 0, true, false, "Code?",
        List.of(new LocalizedText(null, "Code ?")), true, null, List.of(), false);
    assertThatThrownBy(() -> created(with(forMembers("p"), List.of(untranslated)))).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'questions[0].localizations[0].languageCode' is required");
    assertThatThrownBy(() -> created(with(forMembers("p"), List.of(text("t", " "))))).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'questions[0].text' is required");
  }

  @Test
  void oneCustomExtensionRunsPerStage() {
    PolicyDefinition base = forMembers("p");
    List<CustomExtensionStageSetting> twice = List.of(
        CustomExtensionStageSetting.parse(null, "assignmentRequestGranted", "ext-1", "s[0]"),
        CustomExtensionStageSetting.parse(null, "AssignmentRequestGranted", "ext-2", "s[1]"));
    PolicyDefinition definition = new PolicyDefinition("p", null, base.allowedTargetScope(), List.of(),
        base.requestorSettings(), base.expiration(), base.approval(), List.of(), twice);
    assertThatThrownBy(() -> created(definition)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("'assignmentRequestGranted' appears twice");
    assertThatThrownBy(() -> CustomExtensionStageSetting.parse(null, "whenever", "ext", "s[0]"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'s[0].stage'");
    assertThatThrownBy(() -> CustomExtensionStageSetting.parse(null, "assignmentRequestCreated", null, "s[0]"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'s[0].customExtension.id' is required");
  }

  @Test
  void eachStageSettingNamesAKnownExtensionOfThePackagesCatalogOfTheStagesKind() {
    CustomExtensionRef ticket = extension(CAMPAIGN.catalogId(), CustomExtensionKind.REQUEST, "Ticket");
    CustomExtensionRef warn = extension(CAMPAIGN.catalogId(), CustomExtensionKind.ASSIGNMENT, "Warn");
    CustomExtensionRef foreign = extension(UUID.randomUUID(), CustomExtensionKind.REQUEST, "Foreign");
    Map<String, CustomExtensionRef> known = Map.of(ticket.id().toString(), ticket, warn.id().toString(), warn,
        foreign.id().toString(), foreign);
    PolicyDefinition bound = withStages(setting("assignmentRequestGranted", ticket),
        setting("assignmentOneDayBeforeExpiration", warn));

    AssignmentPolicy policy = AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, null, bound, known, NOW, "a",
        UUID::randomUUID).state();
    assertThat(policy.definition().customExtensionStageSettings()).extracting(CustomExtensionStageSetting::customExtensionId)
        .containsExactly(ticket.id().toString(), warn.id().toString());

    String unknown = UUID.randomUUID().toString();
    assertThatThrownBy(() -> AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, null,
        withStages(setting("assignmentRequestGranted", ticket), CustomExtensionStageSetting.parse(null,
            "assignmentRequestRemoved", unknown, "s[1]")), known, NOW, "a", UUID::randomUUID))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("customExtensionStageSettings[1].customExtension.id")
        .hasMessageContaining("custom workflow extension '" + unknown + "' does not exist");
    assertThatThrownBy(() -> AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, null,
        withStages(setting("assignmentRequestGranted", foreign)), known, NOW, "a", UUID::randomUUID))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("customExtensionStageSettings[0].customExtension.id")
        .hasMessageContaining(foreign.catalogId().toString()).hasMessageContaining(CAMPAIGN.catalogId().toString());
    assertThatThrownBy(() -> AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, null,
        withStages(setting("assignmentFourteenDaysBeforeExpiration", ticket)), known, NOW, "a", UUID::randomUUID))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("customExtensionStageSettings[0].customExtension.id")
        .hasMessageContaining("needs an accessPackageAssignmentWorkflowExtension");
    assertThatThrownBy(() -> AssignmentPolicy.create(UUID.randomUUID(), CAMPAIGN, null,
        withStages(setting("assignmentRequestCreated", warn)), known, NOW, "a", UUID::randomUUID))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("needs an accessPackageAssignmentRequestWorkflowExtension");
    // A replace checks the same, kept settings included: the facts are gathered anew for every write.
    assertThatThrownBy(() -> policy.replace(null, null, bound, Map.of(warn.id().toString(), warn), NOW.plusSeconds(1),
        "a", UUID::randomUUID)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("customExtensionStageSettings[0].customExtension.id");
  }

  static CustomExtensionRef extension(UUID catalogId, CustomExtensionKind kind, String name) {
    return new CustomExtensionRef(UUID.randomUUID(), catalogId, kind, name, null, "https://hooks.example.com/" + name,
        false, null, 1000, 1);
  }

  static CustomExtensionStageSetting setting(String stage, CustomExtensionRef extension) {
    return CustomExtensionStageSetting.parse(null, stage, extension.id().toString(), "s");
  }

  static PolicyDefinition withStages(CustomExtensionStageSetting... settings) {
    PolicyDefinition base = forMembers("p");
    return new PolicyDefinition("p", null, base.allowedTargetScope(), List.of(), base.requestorSettings(),
        base.expiration(), base.approval(), List.of(), List.of(settings));
  }

  @Test
  void replacingSwapsTheWholeDefinitionButNotThePolicyOrItsPackage() {
    AssignmentPolicy policy = created(with(forMembers("p"), List.of(text("q", "Why?"))));
    Instant later = NOW.plusSeconds(60);

    Change<AssignmentPolicy, PolicyEvent> change = policy.replace(policy.id().toString(), CAMPAIGN.id(),
        forMembers("renamed"), Map.of(), later, "other@contoso.com", UUID::randomUUID);

    assertThat(change.state().displayName()).isEqualTo("renamed");
    assertThat(change.state().definition().questions()).isEmpty();
    assertThat(change.state().audit().createdDateTime()).isEqualTo(NOW);
    assertThat(change.state().audit().modifiedDateTime()).isEqualTo(later);
    assertThat(change.state().audit().modifiedBy()).isEqualTo("other@contoso.com");
    assertThat(change.events()).containsExactly(new PolicyEvent.Updated(change.state()));
    assertThatThrownBy(() -> policy.replace(UUID.randomUUID().toString(), null, forMembers("p"), Map.of(), later, "a",
        UUID::randomUUID)).isInstanceOf(RuleViolation.class).hasMessageContaining("Property 'id'")
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> policy.replace(null, UUID.randomUUID(), forMembers("p"), Map.of(), later, "a",
        UUID::randomUUID))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("cannot move to another access package");
  }

  @Test
  void replacingWithTheSameDefinitionChangesNothing() {
    AssignmentPolicy policy = created(forMembers("p"));

    assertThat(policy.replace(null, null, forMembers("p"), Map.of(), NOW.plusSeconds(1), "a", UUID::randomUUID)
        .changed()).isFalse();
  }

  @Test
  void anEndDateThatHasPassedSurvivesAReplaceThatKeepsIt() {
    Instant end = NOW.plus(Duration.ofDays(1));
    PolicyDefinition ending = new PolicyDefinition("p", null, TargetScope.ALL_MEMBER_USERS, List.of(),
        Policies.selfService(), Expiration.at(end), ApprovalSettings.none(), List.of(), List.of());
    AssignmentPolicy policy = created(ending);
    PolicyDefinition renamed = new PolicyDefinition("renamed", null, TargetScope.ALL_MEMBER_USERS, List.of(),
        Policies.selfService(), Expiration.at(end), ApprovalSettings.none(), List.of(), List.of());

    assertThat(policy.replace(null, null, renamed, Map.of(), end.plusSeconds(5), "a", UUID::randomUUID).changed()).isTrue();
  }

  @Test
  void aPolicyWithActiveAssignmentsIsNotDeleted() {
    AssignmentPolicy policy = created(forMembers("Members"));

    assertThatThrownBy(() -> policy.delete(2)).isInstanceOf(Conflict.class)
        .hasMessageContaining("'Members' (" + policy.id() + ") still has 2 active assignments");
    assertThat(policy.delete(0)).isEqualTo(new PolicyEvent.Deleted(policy.id(), CAMPAIGN.id()));
  }

  @Test
  void selfRequestsAreAdmittedByTheTargetScope() {
    UUID alice = UUID.randomUUID();
    UUID group = UUID.randomUUID();
    Requestor aliceMember = new Requestor(alice, true, true, Set.of());
    Requestor bobInGroup = new Requestor(UUID.randomUUID(), true, true, Set.of(group));
    Requestor guest = new Requestor(UUID.randomUUID(), true, false, Set.of());
    Requestor stranger = new Requestor(UUID.randomUUID(), false, false, Set.of());

    AssignmentPolicy forAlice = created(forTargets(List.of(SubjectSet.singleUser(alice, "Alice"))));
    AssignmentPolicy forGroup = created(forTargets(List.of(SubjectSet.groupMembers(group, null))));
    AssignmentPolicy forManagers = created(forTargets(List.of(SubjectSet.requestorManager(1))));
    AssignmentPolicy forMembers = created(forMembers("members"));
    AssignmentPolicy forEveryone = created(new PolicyDefinition("all", null, TargetScope.ALL_DIRECTORY_USERS, List.of(),
        Policies.selfService(), Expiration.never(), ApprovalSettings.none(), List.of(), List.of()));
    AssignmentPolicy adminOnly = created(new PolicyDefinition("admin", null, TargetScope.NOT_SPECIFIED, List.of(),
        Policies.selfService(), Expiration.never(), ApprovalSettings.none(), List.of(), List.of()));
    AssignmentPolicy closed = created(new PolicyDefinition("closed", null, TargetScope.ALL_DIRECTORY_USERS, List.of(),
        RequestorSettings.none(), Expiration.never(), ApprovalSettings.none(), List.of(), List.of()));

    assertThat(forAlice.admitsSelfRequest(aliceMember)).isTrue();
    assertThat(forAlice.admitsSelfRequest(bobInGroup)).isFalse();
    assertThat(forGroup.admitsSelfRequest(bobInGroup)).isTrue();
    assertThat(forGroup.admitsSelfRequest(aliceMember)).isFalse();
    assertThat(forManagers.admitsSelfRequest(aliceMember)).isFalse();
    assertThat(forMembers.admitsSelfRequest(aliceMember)).isTrue();
    assertThat(forMembers.admitsSelfRequest(guest)).isFalse();
    assertThat(forEveryone.admitsSelfRequest(guest)).isTrue();
    assertThat(forEveryone.admitsSelfRequest(stranger)).isFalse();
    assertThat(adminOnly.admitsSelfRequest(aliceMember)).isFalse();
    assertThat(closed.admitsSelfRequest(aliceMember)).isFalse();
  }
}
