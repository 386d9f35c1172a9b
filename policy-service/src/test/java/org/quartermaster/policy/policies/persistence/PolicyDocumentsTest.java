package org.quartermaster.policy.policies.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.policy.policies.domain.ApprovalSettings;
import org.quartermaster.policy.policies.domain.ApprovalStage;
import org.quartermaster.policy.policies.domain.Expiration;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.RequestorSettings;
import org.quartermaster.policy.policies.domain.SubjectSet;
import org.quartermaster.policy.policies.domain.TargetScope;

/** The settings document keeps approval stages, and documents written before stages existed still read. */
class PolicyDocumentsTest {

  static PolicyDefinition withApproval(ApprovalSettings approval) {
    return new PolicyDefinition("Two stages", null, TargetScope.ALL_MEMBER_USERS, List.of(),
        new RequestorSettings(true, false, true, false, false, false, false, List.of()), Expiration.never(), approval,
        List.of(), List.of());
  }

  @Test
  void stagesAreWrittenAndReadBackWhole() {
    ApprovalStage manager = ApprovalStage.parse("PT15M", true, true, "PT5M", List.of(SubjectSet.requestorManager(2)),
        List.of(SubjectSet.groupMembers(UUID.randomUUID(), "Managers")),
        List.of(SubjectSet.singleUser(UUID.randomUUID(), "Fallback")), List.of(SubjectSet.singleUser(UUID.randomUUID(),
            null)), 1, "visible", "stages[0]");
    ApprovalStage quorum = ApprovalStage.parse("P14D", false, false, null,
        List.of(SubjectSet.groupMembers(UUID.randomUUID(), "Payment approvers")), List.of(), List.of(), List.of(), 2, null,
        "stages[1]");
    PolicyDefinition definition = withApproval(new ApprovalSettings(true, true, true, List.of(manager, quorum)));

    String document = PolicyDocuments.write(definition);

    assertThat(PolicyDocuments.read(document, "Two stages", null, "allMemberUsers")).isEqualTo(definition);
  }

  @Test
  void aDocumentWithoutStagesReadsAsNoStages() {
    String before = PolicyDocuments.write(withApproval(new ApprovalSettings(false, false, true, List.of())))
        .replace(",\"stages\":[]", "");
    assertThat(before).doesNotContain("stages");

    PolicyDefinition read = PolicyDocuments.read(before, "Two stages", null, "allMemberUsers");

    assertThat(read.approval()).isEqualTo(new ApprovalSettings(false, false, true, List.of()));
  }
}
