package org.quartermaster.policy.events;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.policy.ApprovalStage;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.events.policy.ExpirationPattern;
import org.quartermaster.events.policy.PolicyQuestion;
import org.quartermaster.platform.outbox.DomainEventPublisher;
import org.quartermaster.policy.policies.domain.AnswerChoice;
import org.quartermaster.policy.policies.domain.AssignmentDuration;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.quartermaster.policy.policies.domain.Expiration;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.PolicyEvent;
import org.quartermaster.policy.policies.domain.Question;
import org.quartermaster.policy.policies.domain.RequestorSettings;
import org.quartermaster.policy.policies.domain.SubjectSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Translates policy events to their Avro form and appends them to the outbox, keyed by policy id. Each carries the
 * whole policy, so the request and provisioning services validate from their read models alone. Question
 * localizations stay in this service: the schema carries what validating an answer needs.
 */
@Component
public class PolicyEventPublisher {

  private final DomainEventPublisher publisher;

  public PolicyEventPublisher(DomainEventPublisher publisher) {
    this.publisher = publisher;
  }

  public Mono<Void> policies(List<PolicyEvent> events) {
    return publisher.publish(events, PolicyEvent::policyId, PolicyEventPublisher::toAvro);
  }

  static SpecificRecord toAvro(PolicyEvent event, EventMetadata meta) {
    if (event instanceof PolicyEvent.Created created) {
      return new AssignmentPolicyCreated(meta, snapshot(created.policy()));
    }
    if (event instanceof PolicyEvent.Updated updated) {
      return new AssignmentPolicyUpdated(meta, snapshot(updated.policy()));
    }
    PolicyEvent.Deleted deleted = (PolicyEvent.Deleted) event;
    return new AssignmentPolicyDeleted(meta, deleted.policyId().toString(), deleted.accessPackageId().toString());
  }

  static org.quartermaster.events.policy.AssignmentPolicy snapshot(AssignmentPolicy policy) {
    PolicyDefinition definition = policy.definition();
    RequestorSettings requestors = definition.requestorSettings();
    Expiration expiration = definition.expiration();
    return org.quartermaster.events.policy.AssignmentPolicy.newBuilder()
        .setId(policy.id().toString())
        .setAccessPackageId(policy.accessPackageId().toString())
        .setCatalogId(policy.catalogId().toString())
        .setDisplayName(definition.displayName())
        .setDescription(definition.description())
        .setAllowedTargetScope(definition.allowedTargetScope().graphName())
        .setSpecificAllowedTargets(definition.specificAllowedTargets().stream().map(PolicyEventPublisher::subject).toList())
        .setRequestorSettings(new org.quartermaster.events.policy.RequestorSettings(
            requestors.enableTargetsToSelfAddAccess(), requestors.enableTargetsToSelfUpdateAccess(),
            requestors.enableTargetsToSelfRemoveAccess(), requestors.allowCustomAssignmentSchedule(),
            requestors.enableOnBehalfRequestorsToAddAccess(), requestors.enableOnBehalfRequestorsToUpdateAccess(),
            requestors.enableOnBehalfRequestorsToRemoveAccess(),
            requestors.onBehalfRequestors().stream().map(PolicyEventPublisher::subject).toList()))
        .setExpiration(new ExpirationPattern(expiration.type().graphName(), expiration.duration(), expiration.endDateTime()))
        .setIsApprovalRequiredForAdd(definition.approval().isApprovalRequiredForAdd())
        .setIsApprovalRequiredForUpdate(definition.approval().isApprovalRequiredForUpdate())
        .setIsRequestorJustificationRequired(definition.approval().isRequestorJustificationRequired())
        .setApprovalStages(definition.approval().stages().stream().map(PolicyEventPublisher::stage).toList())
        .setQuestions(definition.questions().stream().map(PolicyEventPublisher::question).toList())
        .setCustomExtensionStageSettings(definition.customExtensionStageSettings().stream()
            .map(setting -> new org.quartermaster.events.policy.CustomExtensionStageSetting(setting.stage().graphName(),
                setting.customExtensionId()))
            .toList())
        .build();
  }

  /** Durations in the canonical spelling the API shows (P1D, PT15M), which {@code Duration.parse} reads back. */
  private static ApprovalStage stage(org.quartermaster.policy.policies.domain.ApprovalStage stage) {
    return ApprovalStage.newBuilder()
        .setDurationBeforeAutomaticDenial(AssignmentDuration.format(stage.durationBeforeAutomaticDenial()))
        .setIsApproverJustificationRequired(stage.isApproverJustificationRequired())
        .setIsEscalationEnabled(stage.isEscalationEnabled())
        .setDurationBeforeEscalation(stage.durationBeforeEscalation() == null ? null
            : AssignmentDuration.format(stage.durationBeforeEscalation()))
        .setPrimaryApprovers(subjects(stage.primaryApprovers()))
        .setFallbackPrimaryApprovers(subjects(stage.fallbackPrimaryApprovers()))
        .setEscalationApprovers(subjects(stage.escalationApprovers()))
        .setFallbackEscalationApprovers(subjects(stage.fallbackEscalationApprovers()))
        .setApprovalsRequired(stage.approvalsRequired())
        .build();
  }

  private static List<org.quartermaster.events.policy.SubjectSet> subjects(List<SubjectSet> subjects) {
    return subjects.stream().map(PolicyEventPublisher::subject).toList();
  }

  private static org.quartermaster.events.policy.SubjectSet subject(SubjectSet subject) {
    return new org.quartermaster.events.policy.SubjectSet(subject.type().graphName(),
        subject.userId() == null ? null : subject.userId().toString(),
        subject.groupId() == null ? null : subject.groupId().toString(),
        subject.managerLevel(), subject.description());
  }

  private static PolicyQuestion question(Question question) {
    return PolicyQuestion.newBuilder()
        .setId(question.id())
        .setType(question.type().graphName())
        .setSequence(question.sequence())
        .setIsRequired(question.isRequired())
        .setText(question.text())
        .setChoices(question.choices().stream().map(AnswerChoice::actualValue).toList())
        .setIsMultipleSelectionAllowed(question.isMultipleSelectionAllowed())
        .setRegexPattern(question.regexPattern())
        .build();
  }
}
