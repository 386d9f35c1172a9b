package org.quartermaster.request.policies.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.events.policy.ExpirationPattern;
import org.quartermaster.events.policy.PolicyQuestion;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.common.domain.ExpirationType;
import org.quartermaster.request.common.domain.IsoDurations;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.request.policies.domain.AllowedTarget;
import org.quartermaster.request.policies.domain.ApprovalStage;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.quartermaster.request.policies.domain.CustomExtensionStageSetting;
import org.quartermaster.request.policies.domain.Question;
import org.quartermaster.request.policies.domain.RequestorRules;
import org.quartermaster.request.policies.domain.SubjectSet;
import org.quartermaster.request.policies.persistence.PolicyStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the read model of assignment policies: every event carries the whole policy. */
@Component
public class PolicyProjection implements EventHandler {

  private final PolicyStore policies;

  public PolicyProjection(PolicyStore policies) {
    this.policies = policies;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof AssignmentPolicyCreated created) {
      return policies.upsert(policy(created.getPolicy()));
    }
    if (event instanceof AssignmentPolicyUpdated updated) {
      return policies.upsert(policy(updated.getPolicy()));
    }
    if (event instanceof AssignmentPolicyDeleted deleted) {
      return policies.delete(UUID.fromString(deleted.getPolicyId()));
    }
    return Mono.empty();
  }

  static AssignmentPolicy policy(org.quartermaster.events.policy.AssignmentPolicy policy) {
    var settings = policy.getRequestorSettings();
    return new AssignmentPolicy(UUID.fromString(policy.getId()), UUID.fromString(policy.getAccessPackageId()),
        uuid(policy.getCatalogId()), policy.getDisplayName(), policy.getAllowedTargetScope(),
        policy.getSpecificAllowedTargets().stream().map(PolicyProjection::target).toList(),
        new RequestorRules(settings.getEnableTargetsToSelfAddAccess(), settings.getEnableTargetsToSelfUpdateAccess(),
            settings.getEnableTargetsToSelfRemoveAccess(), settings.getAllowCustomAssignmentSchedule()),
        expiration(policy.getExpiration()), policy.getIsApprovalRequiredForAdd(), policy.getIsApprovalRequiredForUpdate(),
        policy.getIsRequestorJustificationRequired(), questions(policy.getQuestions()),
        policy.getApprovalStages().stream().map(PolicyProjection::stage).toList(),
        policy.getCustomExtensionStageSettings().stream()
            .map(setting -> new CustomExtensionStageSetting(setting.getStage(), UUID.fromString(setting.getCustomExtensionId())))
            .toList());
  }

  private static ApprovalStage stage(org.quartermaster.events.policy.ApprovalStage stage) {
    String escalation = stage.getDurationBeforeEscalation();
    return new ApprovalStage(duration(stage.getDurationBeforeAutomaticDenial(), "durationBeforeAutomaticDenial"),
        stage.getIsApproverJustificationRequired(), stage.getIsEscalationEnabled(),
        escalation == null || escalation.isBlank() ? null : duration(escalation, "durationBeforeEscalation"),
        subjects(stage.getPrimaryApprovers()), subjects(stage.getFallbackPrimaryApprovers()),
        subjects(stage.getEscalationApprovers()), subjects(stage.getFallbackEscalationApprovers()),
        stage.getApprovalsRequired());
  }

  /** Policy-service validated the text; P14D and PT15M alike become a fixed length of time (a day is 24 hours). */
  private static Duration duration(String iso, String property) {
    return Duration.between(Instant.EPOCH, IsoDurations.after(Instant.EPOCH, iso, property));
  }

  private static List<SubjectSet> subjects(List<org.quartermaster.events.policy.SubjectSet> subjects) {
    return subjects.stream().map(subject -> new SubjectSet(subject.getType(), uuid(subject.getUserId()),
        uuid(subject.getGroupId()), subject.getManagerLevel(), subject.getDescription())).toList();
  }

  private static AllowedTarget target(org.quartermaster.events.policy.SubjectSet subject) {
    return new AllowedTarget(subject.getType(), uuid(subject.getUserId()), uuid(subject.getGroupId()),
        subject.getDescription());
  }

  private static Expiration expiration(ExpirationPattern pattern) {
    if (pattern == null) {
      return Expiration.NOT_SPECIFIED;
    }
    return new Expiration(GraphEnum.parse(ExpirationType.class, pattern.getType(), "expiration.type"), pattern.getDuration(),
        pattern.getEndDateTime());
  }

  private static List<Question> questions(List<PolicyQuestion> questions) {
    return questions.stream().map(question -> new Question(question.getId(), question.getType(), question.getSequence(),
        question.getIsRequired(), question.getText(), question.getChoices(), question.getIsMultipleSelectionAllowed(),
        question.getRegexPattern())).toList();
  }

  private static UUID uuid(String value) {
    return value == null || value.isBlank() ? null : UUID.fromString(value);
  }
}
