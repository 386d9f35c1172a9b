package org.quartermaster.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.Actor;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.PrincipalType;
import org.quartermaster.events.Topics;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.extension.CustomWorkflowExtension;
import org.quartermaster.events.extension.CustomWorkflowExtensionCreated;
import org.quartermaster.events.extension.CustomWorkflowExtensionDeleted;
import org.quartermaster.events.policy.ApprovalStage;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.events.policy.PolicyQuestion;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.testing.JsonBody;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.EventInjector;
import org.quartermaster.testing.RunningService;
import org.quartermaster.testing.ServiceNamespace;
import org.quartermaster.testing.TopicTap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The policy service's Graph API against real Kafka and PostgreSQL. Access packages, directory users and memberships,
 * and assignments reach it only as the catalog's, the directory's and provisioning's events, published to the
 * namespace's topics exactly as those services publish them.
 */
class PolicyApiTest {

  static final String ADMIN = "admin@contoso.com";
  static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  static final String BETA = "/beta/identityGovernance/entitlementManagement";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

  static DevTokens tokens;
  static RunningService service;
  static WebTestClient http;
  static EventInjector injector;
  static TopicTap policyEvents;
  static final String CATALOG = UUID.randomUUID().toString();

  @BeforeAll
  static void start() {
    tokens = DevTokens.create();
    ServiceNamespace namespace = ServiceNamespace.random("policy");
    service = RunningService.start(PolicyServiceApplication.application(), PolicyServiceApplication.NAME, namespace, tokens);
    http = client(tokens.forUser(UUID.randomUUID(), ADMIN));
    injector = new EventInjector(namespace);
    policyEvents = new TopicTap(namespace, Topics.POLICY_ASSIGNMENT_POLICIES);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {injector, policyEvents, service}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  static WebTestClient client(String token) {
    return WebTestClient.bindToServer().baseUrl(service.baseUrl()).responseTimeout(Duration.ofSeconds(20))
        .defaultHeader("Authorization", "Bearer " + token).build();
  }

  // ---- events of the other services, as they publish them

  static EventMetadata metadata(String aggregateId) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setAggregateId(aggregateId)
        .setCorrelationId(UUID.randomUUID().toString())
        .setCausationId(null)
        .setActor(new Actor(null, PrincipalType.SYSTEM))
        .build();
  }

  /** An access package the catalog has just created; nothing waits for the policy service to hear of it. */
  static String packageCreated(String name) {
    String id = UUID.randomUUID().toString();
    injector.publish(new AccessPackageCreated(metadata(id), AccessPackage.newBuilder()
        .setId(id).setCatalogId(CATALOG).setDisplayName(name).setDescription(null).setIsHidden(false).build()));
    return id;
  }

  static final String REQUEST_KIND = "accessPackageAssignmentRequestWorkflowExtension";
  static final String ASSIGNMENT_KIND = "accessPackageAssignmentWorkflowExtension";

  /**
   * A custom workflow extension extension-gateway has just created; nothing waits for the policy service to hear of it.
   *
   * @param callbackTimeout set for launch-and-wait
   */
  static String extensionCreated(String catalogId, String kind, String name, String callbackTimeout) {
    String id = UUID.randomUUID().toString();
    injector.publish(new CustomWorkflowExtensionCreated(metadata(id), CustomWorkflowExtension.newBuilder()
        .setId(id).setCatalogId(catalogId).setKind(kind).setDisplayName(name).setDescription("Opens a ticket")
        .setEndpointUrl("https://hooks.contoso.com/" + id).setLaunchAndWait(callbackTimeout != null)
        .setDurationBeforeTimeout(callbackTimeout).setTimeoutInMilliseconds(1500).setMaximumRetries(1).build()));
    return id;
  }

  static SpecificRecord userCreated(UUID id, String upn, UserType type) {
    return new UserCreated(metadata(id.toString()), DirectoryUser.newBuilder()
        .setId(id.toString()).setDisplayName(upn).setUserPrincipalName(upn).setMail(null).setMailNickname(null)
        .setAccountEnabled(true).setUserType(type).setDepartment(null).setJobTitle(null).setManagerId(null).build());
  }

  static AccessPackageAssignment assignment(String id, String packageId, String policyId, String target, String state) {
    return AccessPackageAssignment.newBuilder()
        .setId(id).setAccessPackageId(packageId).setCatalogId(CATALOG).setAssignmentPolicyId(policyId).setTargetId(target)
        .setState(state).setStatus(state).setRequestId(null)
        .setStartDateTime(Instant.now().truncatedTo(ChronoUnit.MICROS)).setExpirationDateTime(null)
        .setResourceRoles(List.of())
        .build();
  }

  /**
   * Waits until the service has applied a published event. Its only effect may be a refusal that would otherwise race
   * the test (a delete that arrives first simply succeeds), so this reads the service's own inbox: the event id is
   * recorded there in the transaction that applies it.
   */
  static void awaitApplied(SpecificRecord event) {
    UUID eventId = UUID.fromString(String.valueOf(EventCodec.metadataOf(event).getEventId()));
    DatabaseClient database = service.context().getBean(DatabaseClient.class);
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
        database.sql("SELECT count(*) AS applied FROM inbox WHERE event_id = :id").bind("id", eventId)
            .map(row -> row.get("applied", Long.class)).one().block() > 0);
  }

  // ---- a tiny JSON path reader keeps assertions on what the client sees

  static JsonBody get(String uri) {
    return exchange(http.get().uri(uri), 200);
  }

  static JsonBody post(String uri, Object body, int status) {
    return exchange(http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body), status);
  }

  static JsonBody put(String uri, Object body, int status) {
    return exchange(http.put().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body), status);
  }

  static JsonBody exchange(WebTestClient.RequestHeadersSpec<?> request, int status) {
    return new JsonBody(request.exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody());
  }

  static Object field(Object item, String name) {
    return ((Map<?, ?>) item).get(name);
  }

  static String tag() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  static AssignmentPolicy published(Class<? extends SpecificRecord> type, String policyId) {
    SpecificRecord event = policyEvents.awaitMatching(r -> r.key().equals(policyId) && r.is(type), 1).get(0).event();
    return event instanceof AssignmentPolicyCreated created ? created.getPolicy()
        : ((AssignmentPolicyUpdated) event).getPolicy();
  }

  static Map<String, Object> membersPolicy(String packageId, String name) {
    return Map.of("displayName", name, "allowedTargetScope", "allMemberUsers",
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true, "enableTargetsToSelfRemoveAccess", true),
        "expiration", Map.of("type", "afterDuration", "duration", "P30D"),
        "accessPackage", Map.of("id", packageId));
  }

  // ---- the tutorials

  @Test
  void seed001Step17CreatesThePolicyOverBetaRightAfterThePackage() {
    String packageId = packageCreated("Marketing Campaign");
    // Posted at once: the policy service hears of the package a few milliseconds later and waits for it.
    JsonBody policy = post(BETA + "/accessPackageAssignmentPolicies", """
        {
          "accessPackageId": "%s",
          "displayName": "Specific users",
          "description": "Specific users can request assignment",
          "accessReviewSettings": null,
          "durationInDays": 30,
          "requestorSettings": {
            "scopeType": "SpecificDirectorySubjects",
            "acceptRequests": true,
            "allowedRequestors": [
               {
                 "@odata.type": "#microsoft.graph.singleUser",
                 "isBackup": false,
                 "id": "007d1c7e-7fa8-4e33-b678-5e437acdcddc",
                 "description": "Requestor1"
               }
            ]
          },
          "requestApprovalSettings": {
            "isApprovalRequired": false,
            "isApprovalRequiredForExtension": false,
            "isRequestorJustificationRequired": false,
            "approvalMode": "NoApproval",
            "approvalStages": []
          }
        }""".formatted(packageId), 201);

    String policyId = policy.path("id");
    assertThat(UUID.fromString(policyId)).isNotNull();
    assertThat(policy.path("accessPackageId")).isEqualTo(packageId);
    assertThat(policy.path("displayName")).isEqualTo("Specific users");
    assertThat(policy.path("description")).isEqualTo("Specific users can request assignment");
    assertThat(policy.at("canExtend")).isEqualTo(false);
    assertThat(policy.at("durationInDays")).isEqualTo(30);
    assertThat(policy.json()).containsEntry("expirationDateTime", null).containsEntry("accessReviewSettings", null);
    assertThat(policy.path("createdBy")).isEqualTo(ADMIN);
    assertThat(policy.path("modifiedBy")).isEqualTo(ADMIN);
    assertThat(policy.path("createdDateTime")).isNotBlank();
    assertThat(policy.path("requestorSettings.scopeType")).isEqualTo("SpecificDirectorySubjects");
    assertThat(policy.at("requestorSettings.acceptRequests")).isEqualTo(true);
    assertThat(policy.list("requestorSettings.allowedRequestors")).containsExactly(Map.of(
        "@odata.type", "#microsoft.graph.singleUser", "isBackup", false,
        "id", "007d1c7e-7fa8-4e33-b678-5e437acdcddc", "description", "Requestor1"));
    assertThat(policy.at("requestApprovalSettings")).isEqualTo(Map.of("isApprovalRequired", false,
        "isApprovalRequiredForExtension", false, "isRequestorJustificationRequired", false, "approvalMode", "NoApproval",
        "approvalStages", List.of()));

    // The same policy in v1.0's shape.
    JsonBody v1 = get(V1 + "/assignmentPolicies/" + policyId + "?$expand=accessPackage");
    assertThat(v1.path("allowedTargetScope")).isEqualTo("specificDirectoryUsers");
    assertThat(v1.list("specificAllowedTargets")).containsExactly(Map.of("@odata.type", "#microsoft.graph.singleUser",
        "userId", "007d1c7e-7fa8-4e33-b678-5e437acdcddc", "description", "Requestor1"));
    assertThat(v1.at("expiration")).isEqualTo(mapWithNulls("type", "afterDuration", "duration", "P30D", "endDateTime", null));
    assertThat(v1.at("requestorSettings.enableTargetsToSelfAddAccess")).isEqualTo(true);
    assertThat(v1.at("requestorSettings.enableTargetsToSelfUpdateAccess")).isEqualTo(false);
    assertThat(v1.path("accessPackage.displayName")).isEqualTo("Marketing Campaign");

    AssignmentPolicy event = published(AssignmentPolicyCreated.class, policyId);
    assertThat(event.getAccessPackageId()).isEqualTo(packageId);
    assertThat(event.getCatalogId()).isEqualTo(CATALOG);
    assertThat(event.getAllowedTargetScope()).isEqualTo("specificDirectoryUsers");
    assertThat(event.getSpecificAllowedTargets()).singleElement().satisfies(target -> {
      assertThat(target.getType()).isEqualTo("singleUser");
      assertThat(target.getUserId()).isEqualTo("007d1c7e-7fa8-4e33-b678-5e437acdcddc");
    });
    assertThat(event.getExpiration().getType()).isEqualTo("afterDuration");
    assertThat(event.getExpiration().getDuration()).isEqualTo("P30D");
    assertThat(event.getRequestorSettings().getEnableTargetsToSelfAddAccess()).isTrue();
    assertThat(event.getIsApprovalRequiredForAdd()).isFalse();

    // What a GET returned goes back whole in a PUT, as clients that edit one property do.
    Map<String, Object> read = new HashMap<>(get(BETA + "/accessPackageAssignmentPolicies/" + policyId).json());
    read.put("description", "Requestor1 can request assignment");
    JsonBody edited = put(BETA + "/accessPackageAssignmentPolicies/" + policyId, read, 200);
    assertThat(edited.path("description")).isEqualTo("Requestor1 can request assignment");
    assertThat(edited.at("durationInDays")).isEqualTo(30);
    assertThat(edited.at("requestorSettings")).isEqualTo(policy.at("requestorSettings"));
    assertThat(edited.path("createdDateTime")).isEqualTo(policy.path("createdDateTime"));

    // Step 4: delete the policy; 204, and it is gone.
    http.delete().uri(BETA + "/accessPackageAssignmentPolicies/" + policyId).exchange().expectStatus().isNoContent();
    http.get().uri(BETA + "/accessPackageAssignmentPolicies/" + policyId).exchange().expectStatus().isNotFound();
    assertThat(policyEvents.awaitMatching(r -> r.key().equals(policyId) && r.is(AssignmentPolicyDeleted.class), 1))
        .singleElement().satisfies(r -> assertThat(((AssignmentPolicyDeleted) r.event()).getAccessPackageId())
            .isEqualTo(packageId));
  }

  @Test
  void seed000Step3CreatesThePolicyOverBetaAsThePowerShellCmdletSendsIt() {
    String packageId = packageCreated("Marketing Campaign");
    // The seed's hashtables give approvalStages as the string '[]'.
    JsonBody policy = post(BETA + "/accessPackageAssignmentPolicies", """
        {"accessPackageId":"%s","displayName":"Specific users","description":"Specific users can request assignment",
         "durationInDays":30,
         "requestorSettings":{"scopeType":"SpecificDirectorySubjects","acceptRequests":true,
           "allowedRequestors":[{"@odata.type":"#microsoft.graph.singleUser","isBackup":false,
             "id":"6c42590f-fcf0-4922-bac6-205f7c6aa89c","description":"Requestor1"}]},
         "requestApprovalSettings":{"isApprovalRequired":false,"isApprovalRequiredForExtension":false,
           "isRequestorJustificationRequired":false,"approvalMode":"NoApproval","approvalStages":"[]"}}
        """.formatted(packageId), 201);

    String policyId = policy.path("id");
    assertThat(policy.path("accessPackageId")).isEqualTo(packageId);
    assertThat(policy.at("durationInDays")).isEqualTo(30);
    assertThat(policy.list("questions")).isEmpty();
    assertThat(policy.path("createdBy")).isEqualTo(ADMIN);
    assertThat(policy.path("requestorSettings.allowedRequestors[0].id")).isEqualTo("6c42590f-fcf0-4922-bac6-205f7c6aa89c");
    assertThat(get(BETA + "/accessPackageAssignmentPolicies?$filter=accessPackageId eq '" + packageId + "'")
        .list("value")).extracting(item -> field(item, "id")).containsExactly(policyId);

    // Step 5: Remove-MgEntitlementManagementAccessPackageAssignmentPolicy
    http.delete().uri(BETA + "/accessPackageAssignmentPolicies/" + policyId).exchange().expectStatus().isNoContent();
    assertThat(get(BETA + "/accessPackages/" + packageId + "/accessPackageAssignmentPolicies").list("value")).isEmpty();
  }

  // ---- v1.0

  @Test
  void aV1PolicyKeepsItsQuestionsLifetimeAndStageSettings() {
    String packageId = packageCreated("Campaign " + tag());
    String extension = extensionCreated(CATALOG, REQUEST_KIND, "Ticket on grant " + tag(), null);
    String name = "Members with questions " + tag();
    JsonBody policy = post(V1 + "/assignmentPolicies", """
        {
          "displayName": "%s",
          "description": "Members answer two questions",
          "allowedTargetScope": "AllMemberUsers",
          "specificAllowedTargets": [],
          "expiration": {"type": "afterDuration", "duration": "PT8H"},
          "requestorSettings": {
            "enableTargetsToSelfAddAccess": true, "enableTargetsToSelfUpdateAccess": false,
            "enableTargetsToSelfRemoveAccess": true, "allowCustomAssignmentSchedule": true,
            "enableOnBehalfRequestorsToAddAccess": false, "enableOnBehalfRequestorsToUpdateAccess": false,
            "enableOnBehalfRequestorsToRemoveAccess": false, "onBehalfRequestors": []
          },
          "requestApprovalSettings": {
            "isApprovalRequiredForAdd": false, "isApprovalRequiredForUpdate": false,
            "isRequestorJustificationRequired": true, "stages": []
          },
          "accessPackage": {"id": "%s"},
          "questions": [
            {
              "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
              "sequence": 1, "isRequired": true, "isAnswerEditable": true,
              "text": "Project code?",
              "localizations": [{"languageCode": "fr-FR", "text": "Code du projet ?"}],
              "isSingleLineQuestion": true, "regexPattern": "^[A-Z]{3}-[0-9]+$"
            },
            {
              "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
              "id": "team", "sequence": 2, "isRequired": false,
              "text": "Which team?",
              "choices": [
                {"actualValue": "red", "text": "Red team", "localizations": [{"languageCode": "fr-FR", "text": "Rouge"}]},
                {"actualValue": "blue", "text": "Blue team", "localizations": []}
              ],
              "isMultipleSelectionAllowed": true
            }
          ],
          "customExtensionStageSettings": [
            {"stage": "assignmentRequestGranted", "customExtension": {"id": "%s"}}
          ]
        }""".formatted(name, packageId, extension), 201);

    String policyId = policy.path("id");
    assertThat(policy.path("allowedTargetScope")).isEqualTo("allMemberUsers");
    assertThat(policy.path("expiration.duration")).isEqualTo("PT8H");
    assertThat(policy.at("requestorSettings.allowCustomAssignmentSchedule")).isEqualTo(true);
    assertThat(policy.at("requestApprovalSettings.isRequestorJustificationRequired")).isEqualTo(true);
    assertThat(policy.list("requestApprovalSettings.stages")).isEmpty();
    assertThat(policy.json()).containsEntry("automaticRequestSettings", null).containsKey("createdDateTime");
    String questionId = policy.path("questions[0].id");
    assertThat(UUID.fromString(questionId)).isNotNull();
    assertThat(field(policy.at("questions[0]"), "@odata.type")).isEqualTo("#microsoft.graph.accessPackageTextInputQuestion");
    assertThat(policy.path("questions[0].regexPattern")).isEqualTo("^[A-Z]{3}-[0-9]+$");
    assertThat(policy.list("questions[0].localizations")).containsExactly(Map.of("languageCode", "fr-FR",
        "text", "Code du projet ?"));
    assertThat(policy.path("questions[1].id")).isEqualTo("team");
    assertThat(policy.at("questions[1].isMultipleSelectionAllowed")).isEqualTo(true);
    assertThat(policy.list("questions[1].choices")).extracting(choice -> field(choice, "actualValue"))
        .containsExactly("red", "blue");
    assertThat(policy.path("customExtensionStageSettings[0].stage")).isEqualTo("assignmentRequestGranted");
    assertThat(policy.path("customExtensionStageSettings[0].customExtension.id")).isEqualTo(extension);

    // Listed by name, by package, under the package, with the stage settings expanded and with the package expanded.
    assertThat(get(V1 + "/assignmentPolicies?$filter=displayName eq '" + name + "'").list("value"))
        .extracting(item -> field(item, "id")).containsExactly(policyId);
    JsonBody byPackage = get(V1 + "/assignmentPolicies?$filter=accessPackage/id eq '" + packageId + "'&$expand=accessPackage");
    assertThat(byPackage.list("value")).singleElement().satisfies(item ->
        assertThat(((Map<?, ?>) field(item, "accessPackage")).get("id")).isEqualTo(packageId));
    assertThat(get(V1 + "/accessPackages/" + packageId + "/assignmentPolicies").list("value"))
        .extracting(item -> field(item, "id")).containsExactly(policyId);
    assertThat(get(V1 + "/assignmentPolicies/" + policyId
        + "?$expand=customExtensionStageSettings($expand=customExtension)").path("customExtensionStageSettings[0]"
        + ".customExtension.displayName")).startsWith("Ticket on grant");
    JsonBody betaView = get(BETA + "/accessPackageAssignmentPolicies/" + policyId);
    assertThat(betaView.path("requestorSettings.scopeType")).isEqualTo("AllExistingDirectoryMemberUsers");
    assertThat(betaView.path("questions[0].text.defaultText")).isEqualTo("Project code?");
    assertThat(betaView.path("questions[1].choices[0].displayValue.localizedTexts[0].text")).isEqualTo("Rouge");

    // What a GET returned goes back whole in a PUT; the questions keep their ids.
    Map<String, Object> read = new HashMap<>(get(V1 + "/assignmentPolicies/" + policyId
        + "?$expand=accessPackage").json());
    read.put("description", "Members answer two questions, still");
    JsonBody edited = put(V1 + "/assignmentPolicies/" + policyId, read, 200);
    assertThat(edited.path("description")).isEqualTo("Members answer two questions, still");
    assertThat(edited.at("questions")).isEqualTo(policy.at("questions"));
    assertThat(edited.at("customExtensionStageSettings")).isEqualTo(policy.at("customExtensionStageSettings"));
    assertThat(edited.at("expiration")).isEqualTo(policy.at("expiration"));

    AssignmentPolicy event = published(AssignmentPolicyCreated.class, policyId);
    assertThat(event.getExpiration().getDuration()).isEqualTo("PT8H");
    assertThat(event.getIsRequestorJustificationRequired()).isTrue();
    assertThat(event.getQuestions()).extracting(PolicyQuestion::getId).containsExactly(questionId, "team");
    assertThat(event.getQuestions().get(0).getRegexPattern()).isEqualTo("^[A-Z]{3}-[0-9]+$");
    assertThat(event.getQuestions().get(1).getType()).isEqualTo("multipleChoice");
    assertThat(event.getQuestions().get(1).getChoices()).containsExactly("red", "blue");
    assertThat(event.getCustomExtensionStageSettings()).singleElement().satisfies(setting -> {
      assertThat(setting.getStage()).isEqualTo("assignmentRequestGranted");
      assertThat(setting.getCustomExtensionId()).isEqualTo(extension);
    });
  }

  @Test
  void putReplacesThePolicyWholeAndAnswersWithIt() {
    String packageId = packageCreated("Replaced " + tag());
    JsonBody created = post(V1 + "/assignmentPolicies", Map.of("displayName", "Before", "allowedTargetScope",
        "specificDirectoryUsers",
        "specificAllowedTargets", List.of(Map.of("@odata.type", "#microsoft.graph.groupMembers",
            "groupId", UUID.randomUUID().toString(), "description", "Marketing")),
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
        "questions", List.of(Map.of("@odata.type", "#microsoft.graph.accessPackageTextInputQuestion", "text", "Why?")),
        "accessPackage", Map.of("id", packageId)), 201);
    String policyId = created.path("id");

    JsonBody replaced = put(V1 + "/assignmentPolicies/" + policyId, Map.of("id", policyId, "displayName", "After",
        "allowedTargetScope", "allDirectoryUsers",
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true, "enableTargetsToSelfUpdateAccess", true),
        "expiration", Map.of("type", "afterDateTime", "endDateTime", "2099-01-01T00:00:00Z"),
        "accessPackage", Map.of("id", packageId), "createdDateTime", created.path("createdDateTime")), 200);

    assertThat(replaced.path("id")).isEqualTo(policyId);
    assertThat(replaced.path("displayName")).isEqualTo("After");
    assertThat(replaced.path("allowedTargetScope")).isEqualTo("allDirectoryUsers");
    assertThat(replaced.list("specificAllowedTargets")).isEmpty();
    assertThat(replaced.list("questions")).isEmpty();
    assertThat(replaced.path("expiration.type")).isEqualTo("afterDateTime");
    assertThat(Instant.parse(replaced.path("expiration.endDateTime"))).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
    JsonBody read = get(V1 + "/assignmentPolicies/" + policyId);
    assertThat(read.path("displayName")).isEqualTo("After");
    assertThat(read.list("questions")).isEmpty();
    assertThat(read.path("createdDateTime")).isEqualTo(created.path("createdDateTime"));

    AssignmentPolicy event = published(AssignmentPolicyUpdated.class, policyId);
    assertThat(event.getDisplayName()).isEqualTo("After");
    assertThat(event.getAllowedTargetScope()).isEqualTo("allDirectoryUsers");
    assertThat(event.getRequestorSettings().getEnableTargetsToSelfUpdateAccess()).isTrue();
    assertThat(event.getExpiration().getEndDateTime()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));

    // Beta replaces the same policy in beta terms: canExtend off, 7 days.
    JsonBody beta = put(BETA + "/accessPackageAssignmentPolicies/" + policyId, Map.of("displayName", "After, in beta",
        "accessPackageId", packageId, "canExtend", false, "durationInDays", 7,
        "requestorSettings", Map.of("scopeType", "AllExistingDirectorySubjects", "acceptRequests", true)), 200);
    assertThat(beta.at("durationInDays")).isEqualTo(7);
    assertThat(get(V1 + "/assignmentPolicies/" + policyId).path("expiration.duration")).isEqualTo("P7D");
  }

  @Test
  void aPolicyIsNotDeletedWhileAnAssignmentUnderItIsActive() {
    String packageId = packageCreated("Held " + tag());
    String policyId = post(V1 + "/assignmentPolicies", membersPolicy(packageId, "Held policy"), 201).path("id");
    String assignmentId = UUID.randomUUID().toString();
    String target = UUID.randomUUID().toString();

    SpecificRecord granted = new AssignmentGranted(metadata(target),
        assignment(assignmentId, packageId, policyId, target, "delivered"));
    injector.publish(granted);
    awaitApplied(granted);
    JsonBody refused = exchange(http.delete().uri(V1 + "/assignmentPolicies/" + policyId), 409);
    assertThat(refused.path("error.code")).isEqualTo("conflict");
    assertThat(refused.path("error.message")).contains("'Held policy' (" + policyId + ") still has 1 active assignment;");
    get(V1 + "/assignmentPolicies/" + policyId);

    SpecificRecord removed = new AssignmentRemoved(metadata(target),
        assignment(assignmentId, packageId, policyId, target, "expired"));
    injector.publish(removed);
    awaitApplied(removed);
    http.delete().uri(V1 + "/assignmentPolicies/" + policyId).exchange().expectStatus().isNoContent();
    assertThat(policyEvents.awaitMatching(r -> r.key().equals(policyId) && r.is(AssignmentPolicyDeleted.class), 1))
        .hasSize(1);
  }

  @Test
  void aDeletedPackageTakesItsPoliciesWithIt() {
    String packageId = packageCreated("Doomed " + tag());
    String policyId = post(V1 + "/assignmentPolicies", membersPolicy(packageId, "Doomed policy"), 201).path("id");

    injector.publish(new AccessPackageDeleted(metadata(packageId), packageId, CATALOG));

    assertThat(policyEvents.awaitMatching(r -> r.key().equals(policyId) && r.is(AssignmentPolicyDeleted.class), 1))
        .hasSize(1);
    http.get().uri(V1 + "/assignmentPolicies/" + policyId).exchange().expectStatus().isNotFound();
  }

  // ---- approval settings (issue 5)

  /** Seed 002 section 4's two stages in v1.0's shape, in minutes: stage 1 the requestor's manager, stage 2 one user. */
  static String twoStagePolicy(String packageId, String name, String fallback, String owner) {
    return """
        {
          "displayName": "%s",
          "accessPackage": {"id": "%s"},
          "allowedTargetScope": "allMemberUsers",
          "requestorSettings": {"enableTargetsToSelfAddAccess": true},
          "requestApprovalSettings": {
            "isApprovalRequiredForAdd": true,
            "isApprovalRequiredForUpdate": false,
            "isRequestorJustificationRequired": true,
            "stages": [
              {
                "durationBeforeAutomaticDenial": "PT15M",
                "isApproverJustificationRequired": true,
                "isEscalationEnabled": true,
                "durationBeforeEscalation": "PT5M",
                "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}],
                "fallbackPrimaryApprovers": [],
                "escalationApprovers": [
                  {"@odata.type": "#microsoft.graph.singleUser", "userId": "%s", "description": "Governance fallback"}
                ],
                "fallbackEscalationApprovers": []
              },
              {
                "durationBeforeAutomaticDenial": "P5D",
                "isApproverJustificationRequired": true,
                "isEscalationEnabled": false,
                "durationBeforeEscalation": "PT0S",
                "primaryApprovers": [
                  {"@odata.type": "#microsoft.graph.singleUser", "userId": "%s", "description": "Resource owner"}
                ],
                "approverInformationVisibility": "notVisible"
              }
            ]
          }
        }""".formatted(name, packageId, fallback, owner);
  }

  static Map<String, Object> singleUser(String userId, String description) {
    return mapWithNulls("@odata.type", "#microsoft.graph.singleUser", "userId", userId, "description", description);
  }

  static Map<String, Object> requestorManager(int level) {
    return Map.of("@odata.type", "#microsoft.graph.requestorManager", "managerLevel", level);
  }

  @Test
  void aTwoStagePolicyInMinutesIsStoredShownAndPublished() {
    String packageId = packageCreated("Two stages " + tag());
    String fallback = UUID.randomUUID().toString();
    String owner = UUID.randomUUID().toString();
    JsonBody policy = post(V1 + "/assignmentPolicies", twoStagePolicy(packageId, "Internal - two-stage", fallback, owner),
        201);

    String policyId = policy.path("id");
    assertThat(policy.at("requestApprovalSettings.isApprovalRequiredForAdd")).isEqualTo(true);
    assertThat(policy.at("requestApprovalSettings.isApprovalRequiredForUpdate")).isEqualTo(false);
    assertThat(policy.at("requestApprovalSettings.isRequestorJustificationRequired")).isEqualTo(true);
    assertThat(policy.at("requestApprovalSettings.stages[0]")).isEqualTo(mapWithNulls(
        "durationBeforeAutomaticDenial", "PT15M", "isApproverJustificationRequired", true, "isEscalationEnabled", true,
        "durationBeforeEscalation", "PT5M", "primaryApprovers", List.of(requestorManager(1)),
        "fallbackPrimaryApprovers", List.of(), "escalationApprovers", List.of(singleUser(fallback, "Governance fallback")),
        "fallbackEscalationApprovers", List.of(), "approverInformationVisibility", "default", "approvalsRequired", 1));
    // A stage that does not escalate says so with no escalation time, whatever zero the client wrote.
    assertThat(policy.at("requestApprovalSettings.stages[1]")).isEqualTo(mapWithNulls(
        "durationBeforeAutomaticDenial", "P5D", "isApproverJustificationRequired", true, "isEscalationEnabled", false,
        "durationBeforeEscalation", null, "primaryApprovers", List.of(singleUser(owner, "Resource owner")),
        "fallbackPrimaryApprovers", List.of(), "escalationApprovers", List.of(), "fallbackEscalationApprovers", List.of(),
        "approverInformationVisibility", "notVisible", "approvalsRequired", 1));

    // Read back from the database, in v1.0 and in beta.
    JsonBody read = get(V1 + "/assignmentPolicies/" + policyId);
    assertThat(read.at("requestApprovalSettings")).isEqualTo(policy.at("requestApprovalSettings"));
    JsonBody beta = get(BETA + "/accessPackageAssignmentPolicies/" + policyId);
    assertThat(beta.path("requestApprovalSettings.approvalMode")).isEqualTo("Serial");
    assertThat(beta.at("requestApprovalSettings.isApprovalRequired")).isEqualTo(true);
    assertThat(beta.at("requestApprovalSettings.approvalStages[0]")).isEqualTo(mapWithNulls(
        "approvalStageTimeOutInDays", 1, "isApproverJustificationRequired", true, "isEscalationEnabled", true,
        "escalationTimeInMinutes", 5,
        "primaryApprovers", List.of(Map.of("@odata.type", "#microsoft.graph.requestorManager", "isBackup", false,
            "managerLevel", 1)),
        "escalationApprovers", List.of(mapWithNulls("@odata.type", "#microsoft.graph.singleUser", "isBackup", false,
            "id", fallback, "description", "Governance fallback")),
        "durationBeforeAutomaticDenial", "PT15M", "durationBeforeEscalation", "PT5M", "approvalsRequired", 1));
    assertThat(beta.at("requestApprovalSettings.approvalStages[1].approvalStageTimeOutInDays")).isEqualTo(5);
    assertThat(beta.at("requestApprovalSettings.approvalStages[1].escalationTimeInMinutes")).isEqualTo(0);

    AssignmentPolicy event = published(AssignmentPolicyCreated.class, policyId);
    assertThat(event.getIsApprovalRequiredForAdd()).isTrue();
    assertThat(event.getIsRequestorJustificationRequired()).isTrue();
    assertThat(event.getApprovalStages()).hasSize(2);
    ApprovalStage first = event.getApprovalStages().get(0);
    assertThat(first.getDurationBeforeAutomaticDenial()).isEqualTo("PT15M");
    assertThat(first.getIsApproverJustificationRequired()).isTrue();
    assertThat(first.getIsEscalationEnabled()).isTrue();
    assertThat(first.getDurationBeforeEscalation()).isEqualTo("PT5M");
    assertThat(first.getPrimaryApprovers()).singleElement().satisfies(approver -> {
      assertThat(approver.getType()).isEqualTo("requestorManager");
      assertThat(approver.getManagerLevel()).isEqualTo(1);
    });
    assertThat(first.getFallbackPrimaryApprovers()).isEmpty();
    assertThat(first.getEscalationApprovers()).singleElement().satisfies(approver -> {
      assertThat(approver.getType()).isEqualTo("singleUser");
      assertThat(approver.getUserId()).isEqualTo(fallback);
    });
    assertThat(first.getApprovalsRequired()).isEqualTo(1);
    ApprovalStage second = event.getApprovalStages().get(1);
    assertThat(second.getDurationBeforeAutomaticDenial()).isEqualTo("P5D");
    assertThat(second.getIsEscalationEnabled()).isFalse();
    assertThat(second.getDurationBeforeEscalation()).isNull();
    assertThat(second.getPrimaryApprovers()).extracting(approver -> approver.getUserId()).containsExactly(owner);

    // What a GET returned goes back whole in a PUT and changes nothing.
    Map<String, Object> again = new HashMap<>(read.json());
    JsonBody unchanged = put(V1 + "/assignmentPolicies/" + policyId, again, 200);
    assertThat(unchanged.at("requestApprovalSettings")).isEqualTo(policy.at("requestApprovalSettings"));
    assertThat(unchanged.path("modifiedDateTime")).isEqualTo(policy.path("modifiedDateTime"));
  }

  @Test
  void putReplacingTheStagesPublishesTheNewOnesAndAQuorumIsEchoed() {
    String packageId = packageCreated("Quorum " + tag());
    String policyId = post(V1 + "/assignmentPolicies", twoStagePolicy(packageId, "Quorum policy",
        UUID.randomUUID().toString(), UUID.randomUUID().toString()), 201).path("id");
    published(AssignmentPolicyCreated.class, policyId);

    String approvers = UUID.randomUUID().toString();
    Map<String, Object> replacement = new HashMap<>(membersPolicy(packageId, "Quorum policy"));
    replacement.put("requestApprovalSettings", Map.of("isApprovalRequiredForAdd", true, "isApprovalRequiredForUpdate", true,
        "stages", List.of(Map.of("durationBeforeAutomaticDenial", "PT1H", "isApproverJustificationRequired", false,
            "primaryApprovers", List.of(Map.of("@odata.type", "#microsoft.graph.groupMembers", "groupId", approvers,
                "description", "Payment approvers")),
            "approvalsRequired", 2))));
    JsonBody replaced = put(V1 + "/assignmentPolicies/" + policyId, replacement, 200);

    assertThat(replaced.list("requestApprovalSettings.stages")).hasSize(1);
    assertThat(replaced.at("requestApprovalSettings.stages[0].approvalsRequired")).isEqualTo(2);
    assertThat(replaced.path("requestApprovalSettings.stages[0].durationBeforeAutomaticDenial")).isEqualTo("PT1H");
    assertThat(replaced.at("requestApprovalSettings.isApprovalRequiredForUpdate")).isEqualTo(true);
    assertThat(get(V1 + "/assignmentPolicies/" + policyId).at("requestApprovalSettings.stages[0].approvalsRequired"))
        .isEqualTo(2);

    AssignmentPolicy event = published(AssignmentPolicyUpdated.class, policyId);
    assertThat(event.getIsApprovalRequiredForUpdate()).isTrue();
    assertThat(event.getApprovalStages()).singleElement().satisfies(stage -> {
      assertThat(stage.getDurationBeforeAutomaticDenial()).isEqualTo("PT1H");
      assertThat(stage.getApprovalsRequired()).isEqualTo(2);
      assertThat(stage.getIsEscalationEnabled()).isFalse();
      assertThat(stage.getPrimaryApprovers()).singleElement().satisfies(approver -> {
        assertThat(approver.getType()).isEqualTo("groupMembers");
        assertThat(approver.getGroupId()).isEqualTo(approvers);
      });
      assertThat(stage.getEscalationApprovers()).isEmpty();
    });

    // Approval off again: the update carries no stages at all.
    JsonBody cleared = put(V1 + "/assignmentPolicies/" + policyId, membersPolicy(packageId, "Quorum policy, open"), 200);
    assertThat(cleared.list("requestApprovalSettings.stages")).isEmpty();
    assertThat(policyEvents.awaitMatching(r -> r.key().equals(policyId) && r.is(AssignmentPolicyUpdated.class), 2))
        .extracting(r -> ((AssignmentPolicyUpdated) r.event()).getPolicy())
        .filteredOn(updated -> updated.getDisplayName().equals("Quorum policy, open"))
        .singleElement().satisfies(updated -> {
          assertThat(updated.getApprovalStages()).isEmpty();
          assertThat(updated.getIsApprovalRequiredForAdd()).isFalse();
        });
  }

  /** Seed 002 section 4's body, sent as written through the v1.0 cmdlet: beta's approvalMode and approvalStages. */
  static String seed002Body(String packageId, String name, String primaryApprover, String fallback, String owner,
      String mode) {
    return """
        {
          "displayName": "%s",
          "accessPackage": {"id": "%s"},
          "allowedTargetScope": "allMemberUsers",
          "requestorSettings": {"enableTargetsToSelfAddAccess": true},
          "requestApprovalSettings": {
            "isApprovalRequiredForAdd": true,
            "isRequestorJustificationRequired": true,
            "approvalMode": "%s",
            "approvalStages": [
              {
                "approvalStageTimeOutInDays": 3,
                "isApproverJustificationRequired": true,
                "isEscalationEnabled": true,
                "escalationTimeInMinutes": 1440,
                "primaryApprovers": [{"@odata.type": "%s"}],
                "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "%s"}]
              },
              {
                "approvalStageTimeOutInDays": 5,
                "isApproverJustificationRequired": true,
                "primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "%s"}]
              }
            ]
          }
        }""".formatted(name, packageId, mode, primaryApprover, fallback, owner);
  }

  @Test
  void seed002Section4sMixedBodyIsReadAsBetaStagesOverV1() {
    String packageId = packageCreated("External " + tag());
    String fallback = UUID.randomUUID().toString();
    String owner = UUID.randomUUID().toString();
    String policies = V1 + "/accessPackages/" + packageId + "/assignmentPolicies";

    // As written, stage 1 asks the internal sponsors, who belong to connected organizations: refused by clause.
    JsonBody sponsors = post(V1 + "/assignmentPolicies", seed002Body(packageId, "External - two-stage with sponsor",
        "#microsoft.graph.internalSponsors", fallback, owner, "Serial"), 400);
    assertThat(sponsors.path("error.code")).isEqualTo("notSupported");
    assertThat(sponsors.path("error.message")).isEqualTo("requestApprovalSettings.approvalStages[0].primaryApprovers[0]: "
        + "subject set '#microsoft.graph.internalSponsors' needs connected organizations, which Quartermaster does not "
        + "have yet; use singleUser, groupMembers or requestorManager.");
    JsonBody parallel = post(V1 + "/assignmentPolicies", seed002Body(packageId, "External - parallel",
        "#microsoft.graph.requestorManager", fallback, owner, "Parallel"), 400);
    assertThat(parallel.path("error.code")).isEqualTo("notSupported");
    assertThat(parallel.path("error.message")).contains("'requestApprovalSettings.approvalMode' value 'Parallel'");
    assertThat(get(policies).list("value")).isEmpty();

    // With the requestor's manager in the sponsor's place, it is accepted; days and minutes become ISO-8601.
    JsonBody policy = post(V1 + "/assignmentPolicies", seed002Body(packageId, "External - two-stage with manager",
        "#microsoft.graph.requestorManager", fallback, owner, "Serial"), 201);
    assertThat(policy.at("requestApprovalSettings.isApprovalRequiredForAdd")).isEqualTo(true);
    assertThat(policy.list("requestApprovalSettings.stages")).hasSize(2);
    assertThat(policy.path("requestApprovalSettings.stages[0].durationBeforeAutomaticDenial")).isEqualTo("P3D");
    assertThat(policy.path("requestApprovalSettings.stages[0].durationBeforeEscalation")).isEqualTo("P1D");
    assertThat(policy.list("requestApprovalSettings.stages[0].primaryApprovers")).containsExactly(requestorManager(1));
    assertThat(policy.list("requestApprovalSettings.stages[0].escalationApprovers"))
        .containsExactly(singleUser(fallback, null));
    assertThat(policy.path("requestApprovalSettings.stages[1].durationBeforeAutomaticDenial")).isEqualTo("P5D");
    assertThat(policy.list("requestApprovalSettings.stages[1].primaryApprovers")).containsExactly(singleUser(owner, null));
    assertThat(policy.json()).doesNotContainKey("approvalStages");
    assertThat(get(policies).list("value")).hasSize(1);

    AssignmentPolicy event = published(AssignmentPolicyCreated.class, policy.path("id"));
    assertThat(event.getApprovalStages()).extracting(ApprovalStage::getDurationBeforeAutomaticDenial)
        .containsExactly("P3D", "P5D");
    assertThat(event.getApprovalStages().get(0).getDurationBeforeEscalation()).isEqualTo("P1D");
  }

  @Test
  void aBetaPolicyWithApprovalStagesReadsTheSameInV1() {
    String packageId = packageCreated("Beta approvals " + tag());
    String fallback = UUID.randomUUID().toString();
    String owner = UUID.randomUUID().toString();
    String backup = UUID.randomUUID().toString();
    JsonBody policy = post(BETA + "/accessPackageAssignmentPolicies", """
        {
          "accessPackageId": "%s",
          "displayName": "Beta two-stage",
          "durationInDays": 30,
          "requestorSettings": {"scopeType": "AllExistingDirectoryMemberUsers", "acceptRequests": true},
          "requestApprovalSettings": {
            "isApprovalRequired": true,
            "isApprovalRequiredForExtension": false,
            "isRequestorJustificationRequired": true,
            "approvalMode": "Serial",
            "approvalStages": [
              {
                "approvalStageTimeOutInDays": 3,
                "isApproverJustificationRequired": true,
                "isEscalationEnabled": true,
                "escalationTimeInMinutes": 1440,
                "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1,
                  "isBackup": false}],
                "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "%s", "isBackup": false,
                  "description": "Governance fallback"}]
              },
              {
                "approvalStageTimeOutInDays": 5,
                "durationBeforeAutomaticDenial": "PT30M",
                "isApproverJustificationRequired": true,
                "isEscalationEnabled": false,
                "escalationTimeInMinutes": 0,
                "primaryApprovers": [
                  {"@odata.type": "#microsoft.graph.singleUser", "id": "%s", "isBackup": false},
                  {"@odata.type": "#microsoft.graph.singleUser", "id": "%s", "isBackup": true}
                ],
                "escalationApprovers": []
              }
            ]
          }
        }""".formatted(packageId, fallback, owner, backup), 201);

    String policyId = policy.path("id");
    assertThat(policy.path("requestApprovalSettings.approvalMode")).isEqualTo("Serial");
    assertThat(policy.list("requestApprovalSettings.approvalStages")).hasSize(2);
    assertThat(policy.at("requestApprovalSettings.approvalStages[0].escalationTimeInMinutes")).isEqualTo(1440);
    // The ISO extension wins over the day count, which reads back rounded up.
    assertThat(policy.path("requestApprovalSettings.approvalStages[1].durationBeforeAutomaticDenial")).isEqualTo("PT30M");
    assertThat(policy.at("requestApprovalSettings.approvalStages[1].approvalStageTimeOutInDays")).isEqualTo(1);
    assertThat(policy.list("requestApprovalSettings.approvalStages[1].primaryApprovers"))
        .extracting(set -> field(set, "id") + "/" + field(set, "isBackup")).containsExactly(owner + "/false", backup + "/true");

    JsonBody v1 = get(V1 + "/assignmentPolicies/" + policyId);
    assertThat(v1.at("requestApprovalSettings.isApprovalRequiredForAdd")).isEqualTo(true);
    assertThat(v1.at("requestApprovalSettings.isRequestorJustificationRequired")).isEqualTo(true);
    assertThat(v1.at("requestApprovalSettings.stages[0]")).isEqualTo(mapWithNulls(
        "durationBeforeAutomaticDenial", "P3D", "isApproverJustificationRequired", true, "isEscalationEnabled", true,
        "durationBeforeEscalation", "P1D", "primaryApprovers", List.of(requestorManager(1)),
        "fallbackPrimaryApprovers", List.of(), "escalationApprovers", List.of(singleUser(fallback, "Governance fallback")),
        "fallbackEscalationApprovers", List.of(), "approverInformationVisibility", "default", "approvalsRequired", 1));
    assertThat(v1.path("requestApprovalSettings.stages[1].durationBeforeAutomaticDenial")).isEqualTo("PT30M");
    assertThat(v1.list("requestApprovalSettings.stages[1].primaryApprovers")).containsExactly(singleUser(owner, null));
    assertThat(v1.list("requestApprovalSettings.stages[1].fallbackPrimaryApprovers"))
        .containsExactly(singleUser(backup, null));

    // What the beta GET returned goes back whole in a beta PUT and means the same.
    Map<String, Object> read = new HashMap<>(get(BETA + "/accessPackageAssignmentPolicies/" + policyId).json());
    JsonBody edited = put(BETA + "/accessPackageAssignmentPolicies/" + policyId, read, 200);
    assertThat(edited.at("requestApprovalSettings")).isEqualTo(policy.at("requestApprovalSettings"));
    assertThat(get(V1 + "/assignmentPolicies/" + policyId).at("requestApprovalSettings"))
        .isEqualTo(v1.at("requestApprovalSettings"));
  }

  @Test
  void badApprovalSettingsAreRefusedNamingTheClauseAndNothingIsStored() {
    String packageId = packageCreated("Approval refusals " + tag());
    String refused = "Refused approval " + tag();
    String policies = V1 + "/accessPackages/" + packageId + "/assignmentPolicies";
    String owner = UUID.randomUUID().toString();

    assertThat(refusal(packageId, refused, stage("PT15M", Map.of("@odata.type", "#microsoft.graph.internalSponsors")),
        "notSupported")).isEqualTo("requestApprovalSettings.stages[0].primaryApprovers[0]: subject set "
            + "'#microsoft.graph.internalSponsors' needs connected organizations, which Quartermaster does not have yet; "
            + "use singleUser, groupMembers or requestorManager.");
    assertThat(refusal(packageId, refused, stage("-PT5M", singleUser(owner, null)), "invalidRequest"))
        .contains("'requestApprovalSettings.stages[0].durationBeforeAutomaticDenial' must be a positive ISO-8601 "
            + "duration, not '-PT5M'");
    assertThat(refusal(packageId, refused, stage("PT0S", singleUser(owner, null)), "invalidRequest"))
        .contains("'requestApprovalSettings.stages[0].durationBeforeAutomaticDenial' must be a positive ISO-8601 "
            + "duration, not 'PT0S'");
    Map<String, Object> noQuorum = new HashMap<>(stage("P1D", singleUser(owner, null)));
    noQuorum.put("approvalsRequired", 0);
    assertThat(refusal(packageId, refused, noQuorum, "invalidRequest"))
        .contains("'requestApprovalSettings.stages[0].approvalsRequired' must be 1 or more, not 0");
    Map<String, Object> escalatesToNobody = new HashMap<>(stage("P1D", singleUser(owner, null)));
    escalatesToNobody.put("isEscalationEnabled", true);
    escalatesToNobody.put("durationBeforeEscalation", "PT4H");
    assertThat(refusal(packageId, refused, escalatesToNobody, "invalidRequest"))
        .contains("'requestApprovalSettings.stages[0].escalationApprovers' and "
            + "'requestApprovalSettings.stages[0].fallbackEscalationApprovers' are both empty");
    Map<String, Object> lateEscalation = new HashMap<>(escalatesToNobody);
    lateEscalation.put("durationBeforeEscalation", "P2D");
    lateEscalation.put("escalationApprovers", List.of(singleUser(UUID.randomUUID().toString(), null)));
    assertThat(refusal(packageId, refused, lateEscalation, "invalidRequest"))
        .contains("'requestApprovalSettings.stages[0].durationBeforeEscalation' (P2D) must be shorter than "
            + "'requestApprovalSettings.stages[0].durationBeforeAutomaticDenial' (P1D)");
    Map<String, Object> noApprovers = new HashMap<>(stage("P1D", singleUser(owner, null)));
    noApprovers.put("primaryApprovers", List.of());
    assertThat(refusal(packageId, refused, noApprovers, "invalidRequest"))
        .contains("names no approvers");

    Map<String, Object> noStages = with(membersPolicy(packageId, refused), "requestApprovalSettings",
        Map.of("isApprovalRequiredForAdd", true, "stages", List.of()));
    assertThat(post(V1 + "/assignmentPolicies", noStages, 400).path("error.message"))
        .contains("'requestApprovalSettings.stages' is empty");
    Map<String, Object> both = with(membersPolicy(packageId, refused), "requestApprovalSettings",
        Map.of("isApprovalRequiredForAdd", true, "stages", List.of(stage("P1D", singleUser(owner, null))),
            "approvalStages", List.of(Map.of("approvalStageTimeOutInDays", 1))));
    assertThat(post(V1 + "/assignmentPolicies", both, 400).path("error.message"))
        .contains("either 'requestApprovalSettings.stages'").contains("not both");

    // Beta's stage list is a list; seed 000's '[]' text is the only text it may be.
    Map<String, Object> betaText = Map.of("accessPackageId", packageId, "displayName", refused,
        "requestApprovalSettings", Map.of("isApprovalRequired", true, "approvalMode", "SingleStage",
            "approvalStages", "@{approvalStageTimeOutInDays=3}"));
    assertThat(post(BETA + "/accessPackageAssignmentPolicies", betaText, 400).path("error.message"))
        .contains("'requestApprovalSettings.approvalStages' must be a list of approval stages, not the text");
    Map<String, Object> betaUnknown = Map.of("accessPackageId", packageId, "displayName", refused,
        "requestApprovalSettings", Map.of("isApprovalRequired", true, "approvalStages", List.of(Map.of(
            "approvalStageTimeOutInDays", 3, "colour", "red"))));
    assertThat(post(BETA + "/accessPackageAssignmentPolicies", betaUnknown, 400).path("error.message"))
        .contains("'requestApprovalSettings.approvalStages[0].colour'");

    // An existing policy keeps its stages when a replacement is refused.
    String kept = post(V1 + "/assignmentPolicies", twoStagePolicy(packageId, "Kept " + refused, owner, owner), 201)
        .path("id");
    Map<String, Object> badReplacement = with(membersPolicy(packageId, refused), "requestApprovalSettings",
        Map.of("isApprovalRequiredForAdd", true, "stages", List.of(stage("abc", singleUser(owner, null)))));
    assertThat(put(V1 + "/assignmentPolicies/" + kept, badReplacement, 400).path("error.message"))
        .contains("not 'abc'");
    assertThat(get(V1 + "/assignmentPolicies/" + kept).list("requestApprovalSettings.stages")).hasSize(2);

    assertThat(get(policies).list("value")).extracting(item -> field(item, "id")).containsExactly(kept);
    policyEvents.awaitMatching(r -> r.key().equals(kept), 1);
    assertThat(policyEvents.drain(Duration.ZERO)).filteredOn(r -> refused.equals(displayNameOf(r.event()))).isEmpty();
  }

  static Map<String, Object> stage(String denial, Map<String, Object> approver) {
    return Map.of("durationBeforeAutomaticDenial", denial, "primaryApprovers", List.of(approver));
  }

  /** Posts a policy that requires approval in one stage; answers the refusal's message. */
  static String refusal(String packageId, String name, Map<String, Object> stage, String code) {
    JsonBody refused = post(V1 + "/assignmentPolicies", with(membersPolicy(packageId, name), "requestApprovalSettings",
        Map.of("isApprovalRequiredForAdd", true, "isRequestorJustificationRequired", true, "stages", List.of(stage))), 400);
    assertThat(refused.path("error.code")).isEqualTo(code);
    return refused.path("error.message");
  }

  // ---- getApplicablePolicyRequirements

  @Test
  void applicablePolicyRequirementsListThePoliciesTheCallerMayRequestUnder() {
    String packageId = packageCreated("Requirements " + tag());
    UUID alice = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    UUID guest = UUID.randomUUID();
    UUID stranger = UUID.randomUUID();
    UUID marketing = UUID.randomUUID();
    injector.publish(userCreated(alice, "alice@contoso.com", UserType.Member));
    injector.publish(userCreated(bob, "bob@contoso.com", UserType.Member));
    injector.publish(userCreated(guest, "guest@fabrikam.com", UserType.Guest));
    injector.publish(new GroupMemberAdded(metadata(marketing.toString()), marketing.toString(), bob.toString()));

    String forAlice = post(V1 + "/assignmentPolicies", Map.of("displayName", "Alice only",
        "allowedTargetScope", "specificDirectoryUsers", "specificAllowedTargets", List.of(Map.of(
            "@odata.type", "#microsoft.graph.singleUser", "userId", alice.toString())),
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true), "accessPackage", Map.of("id", packageId)),
        201).path("id");
    String forMarketing = post(V1 + "/assignmentPolicies", Map.of("displayName", "Marketing",
        "allowedTargetScope", "specificDirectoryUsers", "specificAllowedTargets", List.of(Map.of(
            "@odata.type", "#microsoft.graph.groupMembers", "groupId", marketing.toString())),
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true), "accessPackage", Map.of("id", packageId)),
        201).path("id");
    Map<String, Object> members = new HashMap<>(membersPolicy(packageId, "Members"));
    members.put("description", "Every member");
    members.put("requestApprovalSettings", Map.of("isRequestorJustificationRequired", true));
    members.put("questions", List.of(Map.of("@odata.type", "#microsoft.graph.accessPackageTextInputQuestion",
        "id", "why", "text", "Why?", "isRequired", true)));
    String forMembers = post(V1 + "/assignmentPolicies", members, 201).path("id");
    String forEveryone = post(V1 + "/assignmentPolicies", Map.of("displayName", "Everyone",
        "allowedTargetScope", "allDirectoryUsers", "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
        "requestApprovalSettings", Map.of("isApprovalRequiredForAdd", true, "stages", List.of(Map.of(
            "durationBeforeAutomaticDenial", "P7D", "primaryApprovers", List.of(Map.of(
                "@odata.type", "#microsoft.graph.requestorManager", "managerLevel", 1))))),
        "accessPackage", Map.of("id", packageId)), 201).path("id");
    post(V1 + "/assignmentPolicies", Map.of("displayName", "Closed", "allowedTargetScope", "allDirectoryUsers",
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", false), "accessPackage", Map.of("id", packageId)), 201);
    post(V1 + "/assignmentPolicies", Map.of("displayName", "Administrators assign", "allowedTargetScope", "notSpecified",
        "accessPackage", Map.of("id", packageId)), 201);

    assertThat(awaitRequirements(alice, packageId, 3)).containsExactlyInAnyOrder(forAlice, forMembers, forEveryone);
    assertThat(awaitRequirements(bob, packageId, 3)).containsExactlyInAnyOrder(forMarketing, forMembers, forEveryone);
    assertThat(awaitRequirements(guest, packageId, 1)).containsExactly(forEveryone);

    // Someone the directory has never mentioned may request under none of them.
    JsonBody none = exchange(client(tokens.forUser(stranger, "stranger@contoso.com")).post()
        .uri(V1 + "/accessPackages/" + packageId + "/getApplicablePolicyRequirements"), 200);
    assertThat(none.path("@odata.context"))
        .endsWith("/v1.0/$metadata#Collection(microsoft.graph.accessPackageAssignmentRequestRequirements)");
    assertThat(none.list("value")).isEmpty();

    JsonBody requirements = requirements(alice, packageId);
    JsonBody member = new JsonBody(castMap(requirements.list("value").stream()
        .filter(item -> field(item, "policyId").equals(forMembers)).findFirst().orElseThrow()));
    assertThat(member.path("policyDisplayName")).isEqualTo("Members");
    assertThat(member.path("policyDescription")).isEqualTo("Every member");
    assertThat(member.at("isApprovalRequiredForAdd")).isEqualTo(false);
    assertThat(member.at("isApprovalRequiredForUpdate")).isEqualTo(false);
    assertThat(member.at("isRequestorJustificationRequired")).isEqualTo(true);
    assertThat(member.at("allowCustomAssignmentSchedule")).isEqualTo(false);
    assertThat(member.path("questions[0].id")).isEqualTo("why");
    assertThat(field(member.at("questions[0]"), "@odata.type")).isEqualTo("#microsoft.graph.accessPackageTextInputQuestion");
    assertThat(member.json().get("schedule")).isEqualTo(mapWithNulls("startDateTime", null,
        "expiration", mapWithNulls("type", "afterDuration", "duration", "P30D", "endDateTime", null), "recurrence", null));
    JsonBody everyone = new JsonBody(castMap(requirements.list("value").stream()
        .filter(item -> field(item, "policyId").equals(forEveryone)).findFirst().orElseThrow()));
    assertThat(everyone.at("isApprovalRequiredForAdd")).isEqualTo(true);
    assertThat(everyone.at("isApprovalRequiredForUpdate")).isEqualTo(false);

    // Beta asks the same question and hears beta's names.
    JsonBody beta = exchange(client(tokens.forUser(alice, "alice@contoso.com")).post()
        .uri(BETA + "/accessPackages/" + packageId + "/getApplicablePolicyRequirements"), 200);
    assertThat(beta.list("value")).extracting(item -> field(item, "policyId"))
        .containsExactlyInAnyOrder(forAlice, forMembers, forEveryone);
    assertThat(beta.list("value")).allSatisfy(item -> assertThat(field(item, "isApprovalRequired"))
        .isEqualTo(field(item, "policyId").equals(forEveryone)));

    exchange(client(tokens.forUser(alice, "alice@contoso.com")).post()
        .uri(V1 + "/accessPackages/" + UUID.randomUUID() + "/getApplicablePolicyRequirements"), 404);
  }

  static List<Object> awaitRequirements(UUID user, String packageId, int expected) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> requirements(user, packageId).list("value").size() == expected);
    return requirements(user, packageId).list("value").stream().map(item -> field(item, "policyId")).toList();
  }

  static JsonBody requirements(UUID user, String packageId) {
    return exchange(client(tokens.forUser(user, user + "@contoso.com")).post()
        .uri(V1 + "/accessPackages/" + packageId + "/getApplicablePolicyRequirements"), 200);
  }

  // ---- custom extensions

  static Map<String, Object> stage(String stage, String extensionId) {
    return Map.of("stage", stage, "customExtension", Map.of("id", extensionId));
  }

  @Test
  void stageSettingsBindExtensionsOfThePackagesCatalogAndTheStagesKindAndRefusalsStoreNothing() {
    String packageId = packageCreated("Extensions " + tag());
    String otherCatalog = UUID.randomUUID().toString();
    // Published just before the policy: the policy service waits for them as it waits for the package.
    String ticket = extensionCreated(CATALOG, REQUEST_KIND, "Ticket " + tag(), "PT1H");
    String warn = extensionCreated(CATALOG, ASSIGNMENT_KIND, "Warn " + tag(), null);
    String foreign = extensionCreated(otherCatalog, REQUEST_KIND, "Foreign " + tag(), null);
    String refused = "Refused binding " + tag();
    Map<String, Object> base = membersPolicy(packageId, refused);

    String unknown = UUID.randomUUID().toString();
    JsonBody missing = post(V1 + "/assignmentPolicies", with(base, "customExtensionStageSettings",
        List.of(stage("assignmentRequestGranted", ticket), stage("assignmentRequestRemoved", unknown))), 400);
    assertThat(missing.path("error.code")).isEqualTo("invalidRequest");
    assertThat(missing.path("error.message")).contains("customExtensionStageSettings[1].customExtension.id")
        .contains("custom workflow extension '" + unknown + "' does not exist");

    JsonBody elsewhere = post(V1 + "/assignmentPolicies", with(base, "customExtensionStageSettings",
        List.of(stage("assignmentRequestGranted", foreign))), 400);
    assertThat(elsewhere.path("error.message")).contains("customExtensionStageSettings[0].customExtension.id")
        .contains(otherCatalog).contains(CATALOG);

    JsonBody requestKindBeforeExpiry = post(V1 + "/assignmentPolicies", with(base, "customExtensionStageSettings",
        List.of(stage("assignmentFourteenDaysBeforeExpiration", ticket))), 400);
    assertThat(requestKindBeforeExpiry.path("error.message")).contains("customExtensionStageSettings[0].customExtension.id")
        .contains("cannot run at stage 'assignmentFourteenDaysBeforeExpiration'")
        .contains("needs an accessPackageAssignmentWorkflowExtension");
    JsonBody expiryKindAtRequest = post(V1 + "/assignmentPolicies", with(base, "customExtensionStageSettings",
        List.of(stage("assignmentRequestCreated", warn))), 400);
    assertThat(expiryKindAtRequest.path("error.message")).contains("needs an accessPackageAssignmentRequestWorkflowExtension");

    JsonBody twice = post(V1 + "/assignmentPolicies", with(base, "customExtensionStageSettings",
        List.of(stage("assignmentRequestGranted", ticket), stage("assignmentRequestGranted", ticket))), 400);
    assertThat(twice.path("error.message")).contains("customExtensionStageSettings[1].stage")
        .contains("'assignmentRequestGranted' appears twice");

    JsonBody betaMissing = post(BETA + "/accessPackageAssignmentPolicies", Map.of("accessPackageId", packageId,
        "displayName", refused, "durationInDays", 30,
        "customExtensionStageSettings", List.of(stage("assignmentRequestApproved", unknown))), 400);
    assertThat(betaMissing.path("error.message")).contains("customExtensionStageSettings[0].customExtension.id")
        .contains("does not exist");

    // The valid binding, over v1.0 and over beta.
    JsonBody bound = post(V1 + "/assignmentPolicies", with(with(base, "displayName", "Bound " + refused),
        "customExtensionStageSettings", List.of(stage("assignmentRequestGranted", ticket),
            stage("assignmentOneDayBeforeExpiration", warn))), 201);
    String policyId = bound.path("id");
    assertThat(bound.list("customExtensionStageSettings")).extracting(setting -> field(setting, "stage"))
        .containsExactly("assignmentRequestGranted", "assignmentOneDayBeforeExpiration");
    assertThat(bound.path("customExtensionStageSettings[1].customExtension.id")).isEqualTo(warn);
    JsonBody betaBound = post(BETA + "/accessPackageAssignmentPolicies", Map.of("accessPackageId", packageId,
        "displayName", "Beta bound " + refused, "durationInDays", 30,
        "customExtensionStageSettings", List.of(stage("assignmentRequestApproved", ticket))), 201);
    assertThat(betaBound.path("customExtensionStageSettings[0].customExtension.id")).isEqualTo(ticket);

    // A PUT is checked the same way (v1.0 and beta) and a refused one leaves the policy as it was.
    JsonBody wrongKind = put(V1 + "/assignmentPolicies/" + policyId, with(with(base, "displayName", "Bound " + refused),
        "customExtensionStageSettings", List.of(stage("assignmentRequestGranted", warn))), 400);
    assertThat(wrongKind.path("error.message")).contains("customExtensionStageSettings[0].customExtension.id");
    JsonBody betaPut = put(BETA + "/accessPackageAssignmentPolicies/" + betaBound.path("id"), Map.of(
        "accessPackageId", packageId, "displayName", "Beta bound " + refused, "durationInDays", 30,
        "customExtensionStageSettings", List.of(stage("assignmentRequestApproved", foreign))), 400);
    assertThat(betaPut.path("error.message")).contains(otherCatalog);
    assertThat(get(V1 + "/assignmentPolicies/" + policyId).at("customExtensionStageSettings"))
        .isEqualTo(bound.at("customExtensionStageSettings"));

    // Once extension-gateway deletes an extension, nothing new may bind it.
    CustomWorkflowExtensionDeleted deleted = new CustomWorkflowExtensionDeleted(metadata(foreign), foreign, otherCatalog);
    String gone = extensionCreated(CATALOG, REQUEST_KIND, "Gone " + tag(), null);
    CustomWorkflowExtensionDeleted goneDeleted = new CustomWorkflowExtensionDeleted(metadata(gone), gone, CATALOG);
    injector.publish(deleted);
    injector.publish(goneDeleted);
    awaitApplied(goneDeleted);
    assertThat(post(V1 + "/assignmentPolicies", with(base, "customExtensionStageSettings",
        List.of(stage("assignmentRequestRemoved", gone))), 400).path("error.message"))
        .contains("custom workflow extension '" + gone + "' does not exist");

    // Nothing was written for the refusals: no policy by that name, and no event about one.
    assertThat(get(V1 + "/assignmentPolicies?$filter=displayName eq '" + refused + "'").list("value")).isEmpty();
    policyEvents.awaitMatching(r -> r.key().equals(betaBound.path("id")), 1);
    assertThat(policyEvents.drain(Duration.ZERO)).filteredOn(r -> refused.equals(displayNameOf(r.event()))).isEmpty();
    assertThat(published(AssignmentPolicyCreated.class, policyId).getCustomExtensionStageSettings())
        .extracting(setting -> setting.getCustomExtensionId()).containsExactly(ticket, warn);
  }

  @Test
  void expandingTheStageSettingsCustomExtensionShowsTheExtensionAndOtherOptionsStayRefused() {
    String packageId = packageCreated("Expand " + tag());
    String ticket = extensionCreated(CATALOG, REQUEST_KIND, "Ticket " + tag(), "PT1H");
    String warn = extensionCreated(CATALOG, ASSIGNMENT_KIND, "Warn " + tag(), null);
    String name = "Expanded " + tag();
    String policyId = post(V1 + "/assignmentPolicies", with(membersPolicy(packageId, name), "customExtensionStageSettings",
        List.of(stage("assignmentRequestGranted", ticket), stage("assignmentOneDayBeforeExpiration", warn))), 201)
        .path("id");

    // As the reference writes it.
    String expand = "$expand=customExtensionStageSettings($expand=customExtension)";
    JsonBody expanded = get(V1 + "/assignmentPolicies/" + policyId + "?" + expand);
    Map<String, Object> waits = castMap(expanded.at("customExtensionStageSettings[0].customExtension"));
    assertThat(waits).containsEntry("@odata.type", "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension")
        .containsEntry("id", ticket).containsEntry("description", "Opens a ticket");
    assertThat((String) waits.get("displayName")).startsWith("Ticket ");
    assertThat(castMap(waits.get("endpointConfiguration"))).containsEntry("@odata.type", "#microsoft.graph.httpRequestEndpoint")
        .containsEntry("targetUrl", "https://hooks.contoso.com/" + ticket);
    assertThat(castMap(waits.get("clientConfiguration"))).containsEntry("timeoutInMilliseconds", 1500)
        .containsEntry("maximumRetries", 1);
    assertThat(castMap(waits.get("callbackConfiguration")))
        .containsEntry("@odata.type", "#microsoft.graph.customExtensionCallbackConfiguration")
        .containsEntry("durationBeforeTimeout", "PT1H");
    Map<String, Object> continues = castMap(expanded.at("customExtensionStageSettings[1].customExtension"));
    assertThat(continues).containsEntry("@odata.type", "#microsoft.graph.accessPackageAssignmentWorkflowExtension")
        .containsEntry("id", warn).containsEntry("callbackConfiguration", null);

    // Listed with the expand, over v1.0 and beta; without it the extension is named by id only.
    JsonBody listed = get(V1 + "/assignmentPolicies?$filter=displayName eq '" + name + "'&" + expand);
    assertThat(castMap(new JsonBody(castMap(listed.list("value").get(0))).at("customExtensionStageSettings[1]"
        + ".customExtension"))).containsEntry("displayName", continues.get("displayName"));
    JsonBody beta = get(BETA + "/accessPackageAssignmentPolicies/" + policyId + "?" + expand);
    assertThat(castMap(beta.at("customExtensionStageSettings[0].customExtension")))
        .containsEntry("@odata.type", "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension")
        .containsEntry("id", ticket);
    assertThat(castMap(get(V1 + "/assignmentPolicies/" + policyId).at("customExtensionStageSettings[0].customExtension")))
        .containsExactly(Map.entry("id", ticket));
    assertThat(castMap(get(V1 + "/assignmentPolicies/" + policyId + "?$expand=customExtensionStageSettings")
        .at("customExtensionStageSettings[0].customExtension"))).containsExactly(Map.entry("id", ticket));

    // A PUT of what the expanded GET returned keeps the bindings: the expanded object is read for its id.
    Map<String, Object> read = new HashMap<>(expanded.json());
    read.put("description", "edited with the extensions expanded");
    assertThat(put(V1 + "/assignmentPolicies/" + policyId, read, 200).at("customExtensionStageSettings"))
        .isEqualTo(get(V1 + "/assignmentPolicies/" + policyId).at("customExtensionStageSettings"));

    JsonBody select = exchange(http.get().uri(V1 + "/assignmentPolicies/" + policyId
        + "?$expand=customExtensionStageSettings($select=id)"), 400);
    assertThat(select.path("error.message")).contains("$expand").contains("$select");
    JsonBody unknownNested = exchange(http.get().uri(V1 + "/assignmentPolicies?$expand=customExtensionStageSettings"
        + "($expand=colour)"), 400);
    assertThat(unknownNested.path("error.message")).contains("$expand").contains("colour");
  }

  // ---- refusals

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
    String packageId = packageCreated("Refusals " + tag());
    String refused = "Refused " + tag();
    Map<String, Object> valid = membersPolicy(packageId, refused);

    String unknownPackage = UUID.randomUUID().toString();
    JsonBody unknown = post(V1 + "/assignmentPolicies", with(valid, "accessPackage", Map.of("id", unknownPackage)), 404);
    assertThat(unknown.path("error.code")).isEqualTo("itemNotFound");
    assertThat(unknown.path("error.message")).contains(unknownPackage).contains("accessPackage");

    JsonBody scope = post(V1 + "/assignmentPolicies", with(valid, "allowedTargetScope", "allExternalUsers"), 400);
    assertThat(scope.path("error.code")).isEqualTo("notSupported");
    assertThat(scope.path("error.message")).contains("'allowedTargetScope' value 'allExternalUsers' is not supported yet");

    JsonBody approval = post(V1 + "/assignmentPolicies", with(valid, "requestApprovalSettings",
        Map.of("isApprovalRequiredForAdd", true)), 400);
    assertThat(approval.path("error.code")).isEqualTo("invalidRequest");
    assertThat(approval.path("error.message")).contains("'requestApprovalSettings.isApprovalRequiredForAdd' is true")
        .contains("'requestApprovalSettings.stages' is empty");

    JsonBody automatic = post(V1 + "/assignmentPolicies", with(valid, "automaticRequestSettings",
        Map.of("requestAccessForAllowedTargets", true)), 400);
    assertThat(automatic.path("error.message")).contains("'automaticRequestSettings'").contains("not supported yet");

    JsonBody duration = post(V1 + "/assignmentPolicies", with(valid, "expiration",
        Map.of("type", "afterDuration", "duration", "thirty days")), 400);
    assertThat(duration.path("error.message")).contains("'expiration.duration'").contains("thirty days");

    JsonBody nameless = post(V1 + "/assignmentPolicies", with(valid, "displayName", " "), 400);
    assertThat(nameless.path("error.message")).contains("'displayName' is required");

    JsonBody betaApproval = post(BETA + "/accessPackageAssignmentPolicies", Map.of("accessPackageId", packageId,
        "displayName", refused, "requestApprovalSettings", Map.of("isApprovalRequired", true, "approvalMode", "SingleStage")),
        400);
    assertThat(betaApproval.path("error.message")).contains("'requestApprovalSettings.isApprovalRequired' is true")
        .contains("'requestApprovalSettings.approvalStages' is empty");

    JsonBody filter = exchange(http.get().uri(V1 + "/assignmentPolicies?$filter=colour eq 'red'"), 400);
    assertThat(filter.path("error.message")).contains("colour");

    String missing = UUID.randomUUID().toString();
    assertThat(exchange(http.get().uri(V1 + "/assignmentPolicies/" + missing), 404).path("error.message")).contains(missing);
    exchange(http.delete().uri(V1 + "/assignmentPolicies/" + missing), 404);
    exchange(http.put().uri(V1 + "/assignmentPolicies/" + missing).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(valid), 404);

    JsonBody readOnly = exchange(client(tokens.withScopes(UUID.randomUUID(), "EntitlementManagement.Read.All")).post()
        .uri(V1 + "/assignmentPolicies").contentType(MediaType.APPLICATION_JSON).bodyValue(valid), 403);
    assertThat(readOnly.path("error.message")).contains("EntitlementManagement.ReadWrite.All");

    String kept = post(V1 + "/assignmentPolicies", with(valid, "displayName", "Kept " + refused), 201).path("id");
    JsonBody mismatch = put(V1 + "/assignmentPolicies/" + kept, with(with(valid, "id", UUID.randomUUID().toString()),
        "displayName", refused), 400);
    assertThat(mismatch.path("error.message")).contains("Property 'id'").contains("does not match");

    // Nothing was written: no policy by that name, and no event about one ahead of the kept policy's.
    assertThat(get(V1 + "/assignmentPolicies?$filter=displayName eq '" + refused + "'").list("value")).isEmpty();
    assertThat(get(V1 + "/assignmentPolicies/" + kept).path("displayName")).isEqualTo("Kept " + refused);
    policyEvents.awaitMatching(r -> r.key().equals(kept), 1);
    assertThat(policyEvents.drain(Duration.ZERO)).filteredOn(r -> refused.equals(displayNameOf(r.event()))).isEmpty();
  }

  static String displayNameOf(SpecificRecord event) {
    if (event instanceof AssignmentPolicyCreated created) {
      return created.getPolicy().getDisplayName();
    }
    return event instanceof AssignmentPolicyUpdated updated ? updated.getPolicy().getDisplayName() : null;
  }

  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** Map.of refuses nulls, and Graph writes them. */
  static Map<String, Object> mapWithNulls(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
