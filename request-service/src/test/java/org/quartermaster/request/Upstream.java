package org.quartermaster.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.quartermaster.events.Actor;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.PrincipalType;
import org.quartermaster.events.Topics;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.IncompatibleAccessPackageAdded;
import org.quartermaster.events.catalog.IncompatibleAccessPackageRemoved;
import org.quartermaster.events.catalog.IncompatibleGroupAdded;
import org.quartermaster.events.directory.DirectoryGroup;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.extension.CustomExtensionCallout;
import org.quartermaster.events.extension.CustomWorkflowExtension;
import org.quartermaster.events.extension.CustomWorkflowExtensionCreated;
import org.quartermaster.events.extension.ExtensionCallbackReceived;
import org.quartermaster.events.extension.ExtensionFailed;
import org.quartermaster.events.extension.ExtensionInvoked;
import org.quartermaster.events.extension.ExtensionTimedOut;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.CustomExtensionStageSetting;
import org.quartermaster.events.policy.ExpirationPattern;
import org.quartermaster.events.policy.PolicyQuestion;
import org.quartermaster.events.policy.RequestorSettings;
import org.quartermaster.events.policy.SubjectSet;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentDeliveryFailed;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.events.provisioning.AssignmentResourceRole;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.testing.ServiceNamespace;

/**
 * Plays the services upstream of the request service: the directory, the catalog, the policy service and provisioning,
 * by publishing their real Avro events to the namespace's topics, keyed as the producers key them.
 */
final class Upstream implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final EventCodec codec = EventCodec.standard();
  private final ServiceNamespace namespace;

  Upstream(ServiceNamespace namespace) {
    this.namespace = namespace;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
  }

  void send(SpecificRecord event) {
    String key = String.valueOf(EventCodec.metadataOf(event).getAggregateId());
    String topic = Topics.qualified(namespace.topicPrefix(), Topics.topicOf(event.getClass()));
    try {
      producer.send(new ProducerRecord<>(topic, key, codec.encode(event))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  static EventMetadata meta(Object aggregateId) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setAggregateId(aggregateId.toString())
        .setCorrelationId(UUID.randomUUID().toString())
        .setActor(new Actor(null, PrincipalType.SYSTEM))
        .build();
  }

  // ---- the directory

  UUID user(String name, boolean member) {
    return user(UUID.randomUUID(), name, member);
  }

  UUID user(UUID id, String name, boolean member) {
    send(new UserCreated(meta(id), DirectoryUser.newBuilder()
        .setId(id.toString())
        .setDisplayName(name)
        .setUserPrincipalName(name.toLowerCase().replace(' ', '.') + "@contoso.com")
        .setAccountEnabled(true)
        .setUserType(member ? UserType.Member : UserType.Guest)
        .build()));
    return id;
  }

  void addMember(UUID groupId, UUID userId) {
    send(new GroupMemberAdded(meta(groupId), groupId.toString(), userId.toString()));
  }

  // ---- the catalog

  UUID accessPackage(String name) {
    UUID id = UUID.randomUUID();
    send(new AccessPackageCreated(meta(id), AccessPackage.newBuilder()
        .setId(id.toString())
        .setCatalogId(UUID.randomUUID().toString())
        .setDisplayName(name)
        .setDescription("Access to resources for the campaign")
        .setIsHidden(false)
        .build()));
    return id;
  }

  // ---- the policy service

  /** A policy as the tutorials make it, adjusted by the caller: self add/remove, 30 days, no approval, no questions. */
  static final class Policy {
    final UUID id = UUID.randomUUID();
    UUID accessPackageId;
    String displayName = "Specific users";
    String scope = "specificDirectoryUsers";
    final List<SubjectSet> targets = new ArrayList<>();
    boolean selfAdd = true;
    boolean selfRemove = true;
    boolean customSchedule = false;
    boolean justification = false;
    final List<PolicyQuestion> questions = new ArrayList<>();

    Policy(UUID accessPackageId) {
      this.accessPackageId = accessPackageId;
    }

    Policy allowUser(UUID userId, String description) {
      targets.add(new SubjectSet("singleUser", userId.toString(), null, null, description));
      return this;
    }

    Policy allowGroup(UUID groupId) {
      targets.add(new SubjectSet("groupMembers", null, groupId.toString(), null, "Marketing"));
      return this;
    }

    // Approval settings, sent by policyRequiringApproval: requestApprovalSettings with isApprovalRequiredForAdd
    final List<org.quartermaster.events.policy.ApprovalStage> approvalStages = new ArrayList<>();

    /**
     * Adds an approval stage.
     *
     * @param escalation durationBeforeEscalation, or null for no escalation
     */
    Policy stage(String denyAfter, String escalation, int approvalsRequired, boolean approverJustification,
        List<SubjectSet> primary, List<SubjectSet> fallback, List<SubjectSet> escalationApprovers) {
      approvalStages.add(org.quartermaster.events.policy.ApprovalStage.newBuilder()
          .setDurationBeforeAutomaticDenial(denyAfter)
          .setIsApproverJustificationRequired(approverJustification)
          .setIsEscalationEnabled(escalation != null)
          .setDurationBeforeEscalation(escalation)
          .setPrimaryApprovers(primary)
          .setFallbackPrimaryApprovers(fallback)
          .setEscalationApprovers(escalationApprovers)
          .setFallbackEscalationApprovers(List.of())
          .setApprovalsRequired(approvalsRequired)
          .build());
      return this;
    }

    static SubjectSet singleUser(UUID userId) {
      return new SubjectSet("singleUser", userId.toString(), null, null, null);
    }

    static SubjectSet groupMembers(UUID groupId) {
      return new SubjectSet("groupMembers", null, groupId.toString(), null, null);
    }

    static SubjectSet requestorManager(int level) {
      return new SubjectSet("requestorManager", null, null, level, null);
    }
  }

  UUID policy(Policy policy) {
    return publish(policy, false, List.of(), "can request assignment", List.of());
  }

  /**
   * The one way a policy reaches the service in these tests: the whole AssignmentPolicyCreated, as policy-service
   * publishes it.
   */
  private UUID publish(Policy policy, boolean approvalRequired, List<org.quartermaster.events.policy.ApprovalStage> stages,
      String description, List<CustomExtensionStageSetting> extensions) {
    send(new AssignmentPolicyCreated(meta(policy.id), AssignmentPolicy.newBuilder()
        .setId(policy.id.toString())
        .setAccessPackageId(policy.accessPackageId.toString())
        .setDisplayName(policy.displayName)
        .setDescription(policy.displayName + " " + description)
        .setAllowedTargetScope(policy.scope)
        .setSpecificAllowedTargets(policy.targets)
        .setRequestorSettings(RequestorSettings.newBuilder()
            .setEnableTargetsToSelfAddAccess(policy.selfAdd)
            .setEnableTargetsToSelfUpdateAccess(false)
            .setEnableTargetsToSelfRemoveAccess(policy.selfRemove)
            .setAllowCustomAssignmentSchedule(policy.customSchedule)
            .setEnableOnBehalfRequestorsToAddAccess(false)
            .setEnableOnBehalfRequestorsToUpdateAccess(false)
            .setEnableOnBehalfRequestorsToRemoveAccess(false)
            .setOnBehalfRequestors(List.of())
            .build())
        .setExpiration(ExpirationPattern.newBuilder().setType("afterDuration").setDuration("P30D").build())
        .setIsApprovalRequiredForAdd(approvalRequired)
        .setIsApprovalRequiredForUpdate(false)
        .setIsRequestorJustificationRequired(policy.justification)
        // Set explicitly: the builder cannot resolve a record-array default (schemas/README).
        .setApprovalStages(stages)
        .setQuestions(policy.questions)
        .setCustomExtensionStageSettings(extensions)
        .build()));
    return policy.id;
  }

  // ---- provisioning

  /** The assignment provisioning keeps for a request; its requestId is the request that caused the change. */
  record Assignment(UUID id, UUID accessPackageId, UUID policyId, UUID targetId) {

    AccessPackageAssignment as(String state, String status, UUID requestId, String roleStatus) {
      return AccessPackageAssignment.newBuilder()
          .setId(id.toString())
          .setAccessPackageId(accessPackageId.toString())
          .setAssignmentPolicyId(policyId.toString())
          .setTargetId(targetId.toString())
          .setState(state)
          .setStatus(status)
          .setRequestId(requestId.toString())
          .setStartDateTime(Instant.now().truncatedTo(ChronoUnit.MICROS))
          .setResourceRoles(List.of(new AssignmentResourceRole(UUID.randomUUID() + "_" + UUID.randomUUID(),
              "Member_" + accessPackageId, accessPackageId.toString(), "AadGroup", roleStatus)))
          .build();
    }
  }

  void created(Assignment assignment, UUID requestId) {
    send(new AssignmentCreated(meta(assignment.targetId()), assignment.as("delivering", "Delivering", requestId,
        "PendingFulfillment")));
  }

  void granted(Assignment assignment, UUID requestId) {
    send(new AssignmentGranted(meta(assignment.targetId()), assignment.as("delivered", "Delivered", requestId, "Fulfilled")));
  }

  void failed(Assignment assignment, UUID requestId, String reason) {
    send(new AssignmentDeliveryFailed(meta(assignment.targetId()), assignment.as("deliveryFailed", "DeliveryFailed",
        requestId, "Failed"), reason));
  }

  void removed(Assignment assignment, UUID requestId) {
    send(new AssignmentRemoved(meta(assignment.targetId()), assignment.as("removed", "Removed", requestId, "Removed")));
  }

  // ---- separation of duties: incompatibilities declared in the catalog, group names from the directory

  UUID group(String displayName) {
    UUID id = UUID.randomUUID();
    send(new GroupCreated(meta(id), DirectoryGroup.newBuilder()
        .setId(id.toString())
        .setDisplayName(displayName)
        .setMailNickname(displayName.replace(' ', '-'))
        .setSecurityEnabled(true)
        .setMailEnabled(false)
        .setGroupTypes(List.of())
        .build()));
    return id;
  }

  /** {@code accessPackageId} declares {@code incompatibleAccessPackageId} incompatible; keyed by the declaring package. */
  void incompatiblePackage(UUID accessPackageId, UUID incompatibleAccessPackageId) {
    send(new IncompatibleAccessPackageAdded(meta(accessPackageId), accessPackageId.toString(),
        incompatibleAccessPackageId.toString()));
  }

  void compatiblePackageAgain(UUID accessPackageId, UUID incompatibleAccessPackageId) {
    send(new IncompatibleAccessPackageRemoved(meta(accessPackageId), accessPackageId.toString(),
        incompatibleAccessPackageId.toString()));
  }

  void incompatibleGroup(UUID accessPackageId, UUID groupId) {
    send(new IncompatibleGroupAdded(meta(accessPackageId), accessPackageId.toString(), groupId.toString()));
  }

  // ---- approvals: managers in the directory, policies with approval stages

  /** A member user with a manager (null for none), as the directory publishes users with their managerId. */
  UUID userWithManager(String name, UUID managerId) {
    UUID id = UUID.randomUUID();
    send(new UserCreated(meta(id), DirectoryUser.newBuilder()
        .setId(id.toString())
        .setDisplayName(name)
        .setUserPrincipalName(name.toLowerCase().replace(' ', '.') + "." + id.toString().substring(0, 8) + "@contoso.com")
        .setAccountEnabled(true)
        .setUserType(UserType.Member)
        .setManagerId(managerId == null ? null : managerId.toString())
        .build()));
    return id;
  }

  /** The policy with isApprovalRequiredForAdd and the stages added to it with {@link Policy#stage}. */
  UUID policyRequiringApproval(Policy policy) {
    return publish(policy, true, policy.approvalStages, "can request assignment with approval", List.of());
  }

  // ---- extension-gateway: custom workflow extensions and their callouts

  /**
   * A request workflow extension of the catalog, as extension-gateway announces it on creation.
   *
   * @param durationBeforeTimeout callbackConfiguration.durationBeforeTimeout; null for launch-and-continue
   */
  UUID customExtension(String displayName, String durationBeforeTimeout) {
    UUID id = UUID.randomUUID();
    send(new CustomWorkflowExtensionCreated(meta(id), CustomWorkflowExtension.newBuilder()
        .setId(id.toString())
        .setCatalogId(UUID.randomUUID().toString())
        .setKind("accessPackageAssignmentRequestWorkflowExtension")
        .setDisplayName(displayName)
        .setEndpointUrl("https://tickets.contoso.com/hooks/" + id)
        .setLaunchAndWait(durationBeforeTimeout != null)
        .setDurationBeforeTimeout(durationBeforeTimeout)
        .setTimeoutInMilliseconds(1000)
        .setMaximumRetries(1)
        .build()));
    return id;
  }

  /** A policy binding extensions to stages ({@code stage, extension id} pairs), with or without approval. */
  UUID policyWithExtensions(Policy policy, boolean approvalRequired, List<Map.Entry<String, UUID>> bindings) {
    return publish(policy, approvalRequired, policy.approvalStages, "calls custom extensions", bindings.stream()
        .map(binding -> new CustomExtensionStageSetting(binding.getKey(), binding.getValue().toString()))
        .toList());
  }

  /** One callout of an extension for a request, as extension-gateway records it; keyed by the target. */
  record Callout(UUID id, UUID extensionId, String stage, UUID requestId, UUID accessPackageId, UUID targetId,
      boolean launchAndWait) {

    Callout(UUID extensionId, String stage, UUID requestId, UUID accessPackageId, UUID targetId, boolean launchAndWait) {
      this(UUID.randomUUID(), extensionId, stage, requestId, accessPackageId, targetId, launchAndWait);
    }

    CustomExtensionCallout as(String status, Integer httpStatus, String detail) {
      return CustomExtensionCallout.newBuilder()
          .setId(id.toString())
          .setCustomExtensionId(extensionId.toString())
          .setStage(stage)
          .setRequestId(requestId.toString())
          .setAccessPackageId(accessPackageId.toString())
          .setTargetId(targetId.toString())
          .setLaunchAndWait(launchAndWait)
          .setStatus(status)
          .setAttempts(1)
          .setHttpStatus(httpStatus)
          .setDetail(detail)
          .build();
    }
  }

  void invoked(Callout callout) {
    send(new ExtensionInvoked(meta(callout.targetId()), callout.as(callout.launchAndWait() ? "waitingForCallback"
        : "calloutSent", 202, null)));
  }

  void callbackReceived(Callout callout, boolean denied, String detail) {
    send(new ExtensionCallbackReceived(meta(callout.targetId()), callout.as("callbackReceived", 202, detail), denied,
        "LogicApps"));
  }

  void callbackTimedOut(Callout callout) {
    send(new ExtensionTimedOut(meta(callout.targetId()), callout.as("callbackTimedOut", 202, "callback timed out"),
        "callback timed out"));
  }

  void calloutFailed(Callout callout, String reason) {
    send(new ExtensionFailed(meta(callout.targetId()), callout.as("calloutFailed", 500, reason), reason));
  }

  @Override
  public void close() {
    producer.close();
  }
}
