package org.quartermaster.events;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeAdded;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeRemoved;
import org.quartermaster.events.catalog.AccessPackageUpdated;
import org.quartermaster.events.catalog.CatalogCreated;
import org.quartermaster.events.catalog.CatalogDeleted;
import org.quartermaster.events.catalog.CatalogResourceAdded;
import org.quartermaster.events.catalog.CatalogResourceRemoved;
import org.quartermaster.events.catalog.CatalogUpdated;
import org.quartermaster.events.catalog.IncompatibleAccessPackageAdded;
import org.quartermaster.events.catalog.IncompatibleAccessPackageRemoved;
import org.quartermaster.events.catalog.IncompatibleGroupAdded;
import org.quartermaster.events.catalog.IncompatibleGroupRemoved;
import org.quartermaster.events.extension.CustomWorkflowExtensionCreated;
import org.quartermaster.events.extension.CustomWorkflowExtensionUpdated;
import org.quartermaster.events.extension.CustomWorkflowExtensionDeleted;
import org.quartermaster.events.extension.ExtensionInvoked;
import org.quartermaster.events.extension.ExtensionFailed;
import org.quartermaster.events.extension.ExtensionCallbackReceived;
import org.quartermaster.events.extension.ExtensionTimedOut;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentDeliveryFailed;
import org.quartermaster.events.provisioning.AssignmentExpired;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.events.provisioning.ResourceRoleGranted;
import org.quartermaster.events.provisioning.ResourceRoleRevoked;
import org.quartermaster.events.request.AssignmentRequestCanceled;
import org.quartermaster.events.request.AssignmentRequestStageStarted;
import org.quartermaster.events.request.AssignmentRequestStageApproved;
import org.quartermaster.events.request.AssignmentRequestStageDenied;
import org.quartermaster.events.request.AssignmentRequestStageEscalated;
import org.quartermaster.events.request.AssignmentRequestApproved;
import org.quartermaster.events.request.AssignmentRequestDenied;
import org.quartermaster.events.request.AssignmentRequestTimedOut;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.AssignmentRequestDelivered;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.AssignmentRequestFailed;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.GroupOwnerAdded;
import org.quartermaster.events.directory.GroupOwnerRemoved;
import org.quartermaster.events.directory.GroupUpdated;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserUpdated;

/**
 * The single place where topics, their keys and the events they carry are declared.
 *
 * <p>Producers and consumers look topics up here instead of repeating names, so a rename or a new event type is one
 * edit. Keys are chosen per aggregate so that Kafka's per-partition ordering gives per-aggregate ordering.
 */
public final class Topics {

  /** User lifecycle; keyed by user id so every change to one user is consumed in order. */
  public static final TopicSpec DIRECTORY_USERS = new TopicSpec(
      "quartermaster.directory.users",
      "user id (DirectoryUser.id)",
      List.of(UserCreated.class, UserUpdated.class, UserDeleted.class));

  /**
   * Group lifecycle and membership; membership shares the group's key and topic so that, for example, a
   * GroupMemberAdded can never overtake the GroupCreated of its group.
   */
  public static final TopicSpec DIRECTORY_GROUPS = new TopicSpec(
      "quartermaster.directory.groups",
      "group id (DirectoryGroup.id)",
      List.of(
          GroupCreated.class, GroupUpdated.class, GroupDeleted.class,
          GroupMemberAdded.class, GroupMemberRemoved.class,
          GroupOwnerAdded.class, GroupOwnerRemoved.class));

  /**
   * Catalogs and the resources in them; a resource shares its catalog's key and topic so that, for example, a
   * CatalogResourceAdded can never overtake the CatalogCreated of its catalog.
   */
  public static final TopicSpec CATALOG_CATALOGS = new TopicSpec(
      "quartermaster.catalog.catalogs",
      "catalog id (AccessPackageCatalog.id)",
      List.of(
          CatalogCreated.class, CatalogUpdated.class, CatalogDeleted.class,
          CatalogResourceAdded.class, CatalogResourceRemoved.class));

  /**
   * Access packages, the resource role scopes they grant and the incompatibilities they declare, all keyed by the
   * package id: a consumer sees a package's roles change in the order they were made.
   */
  public static final TopicSpec CATALOG_ACCESS_PACKAGES = new TopicSpec(
      "quartermaster.catalog.access-packages",
      "access package id (AccessPackage.id)",
      List.of(
          AccessPackageCreated.class, AccessPackageUpdated.class, AccessPackageDeleted.class,
          AccessPackageResourceRoleScopeAdded.class, AccessPackageResourceRoleScopeRemoved.class,
          IncompatibleAccessPackageAdded.class, IncompatibleAccessPackageRemoved.class,
          IncompatibleGroupAdded.class, IncompatibleGroupRemoved.class));

  /** Assignment policies, keyed by policy id; each event carries the whole policy. */
  public static final TopicSpec POLICY_ASSIGNMENT_POLICIES = new TopicSpec(
      "quartermaster.policy.assignment-policies",
      "assignment policy id (AssignmentPolicy.id)",
      List.of(AssignmentPolicyCreated.class, AssignmentPolicyUpdated.class, AssignmentPolicyDeleted.class));

  /**
   * Assignment requests, keyed by the target user, so everything asked for one person is consumed in the order it was
   * decided. Provisioning acts on DeliveryRequested only; approval events come between Created and it.
   */
  public static final TopicSpec REQUEST_ASSIGNMENT_REQUESTS = new TopicSpec(
      "quartermaster.request.assignment-requests",
      "target user id (AccessPackageAssignmentRequest.targetId)",
      List.of(AssignmentRequestCreated.class, AssignmentRequestDeliveryRequested.class, AssignmentRequestDelivered.class,
          AssignmentRequestFailed.class, AssignmentRequestCanceled.class, AssignmentRequestStageStarted.class,
          AssignmentRequestStageApproved.class, AssignmentRequestStageDenied.class, AssignmentRequestStageEscalated.class,
          AssignmentRequestApproved.class, AssignmentRequestDenied.class, AssignmentRequestTimedOut.class));

  /**
   * Assignments and the per-role grants behind them, keyed by the target user like the requests that cause them, so
   * one person's grants and revocations are applied in order.
   */
  public static final TopicSpec PROVISIONING_ASSIGNMENTS = new TopicSpec(
      "quartermaster.provisioning.assignments",
      "target user id (AccessPackageAssignment.targetId)",
      List.of(AssignmentCreated.class, ResourceRoleGranted.class, ResourceRoleRevoked.class, AssignmentGranted.class,
          AssignmentDeliveryFailed.class, AssignmentRemoved.class, AssignmentExpired.class));

  /** Custom workflow extensions, keyed by extension id; the signing secret never leaves extension-gateway. */
  public static final TopicSpec EXTENSION_CUSTOM_WORKFLOW_EXTENSIONS = new TopicSpec(
      "quartermaster.extension.custom-workflow-extensions",
      "custom workflow extension id (CustomWorkflowExtension.id)",
      List.of(CustomWorkflowExtensionCreated.class, CustomWorkflowExtensionUpdated.class,
          CustomWorkflowExtensionDeleted.class));

  /**
   * The record of every extension callout, keyed by the target user like the requests and assignments that cause
   * them, so a ticketing consumer sees one person's story in order.
   */
  public static final TopicSpec EXTENSION_CALLOUTS = new TopicSpec(
      "quartermaster.extension.callouts",
      "target user id (CustomExtensionCallout.targetId)",
      List.of(ExtensionInvoked.class, ExtensionFailed.class, ExtensionCallbackReceived.class, ExtensionTimedOut.class));

  private static final List<TopicSpec> ALL = List.of(DIRECTORY_USERS, DIRECTORY_GROUPS, CATALOG_CATALOGS,
      CATALOG_ACCESS_PACKAGES, POLICY_ASSIGNMENT_POLICIES, REQUEST_ASSIGNMENT_REQUESTS, PROVISIONING_ASSIGNMENTS,
      EXTENSION_CUSTOM_WORKFLOW_EXTENSIONS, EXTENSION_CALLOUTS);

  private Topics() {
  }

  /** Every topic, in declaration order. */
  public static List<TopicSpec> all() {
    return ALL;
  }

  /** Every event type of every topic. */
  public static List<Class<? extends SpecificRecord>> eventTypes() {
    return ALL.stream().flatMap(topic -> topic.eventTypes().stream()).toList();
  }

  /** The topic an event type is published on. */
  public static TopicSpec topicOf(Class<? extends SpecificRecord> eventType) {
    return ALL.stream()
        .filter(topic -> topic.carries(eventType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No topic carries " + eventType.getName()));
  }

  /**
   * The physical topic name: {@code prefix + "." + name}, or just the name for an empty or null prefix.
   *
   * <p>Tests sharing one broker isolate themselves with a unique prefix; production uses the empty prefix.
   */
  public static String qualified(String prefix, TopicSpec topic) {
    if (prefix == null || prefix.isEmpty()) {
      return topic.name();
    }
    String qualified = (prefix.endsWith(".") ? prefix : prefix + ".") + topic.name();
    if (!TopicSpec.LEGAL_NAME.matcher(qualified).matches()) {
      throw new IllegalArgumentException("Prefix makes an illegal Kafka topic name: " + qualified);
    }
    return qualified;
  }
}
