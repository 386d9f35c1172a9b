package org.quartermaster.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.Topics;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.RunningService;
import org.quartermaster.testing.ServiceNamespace;
import org.quartermaster.testing.TopicTap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The directory's Graph API against real Kafka and PostgreSQL. */
class DirectoryApiTest {

  static final String ADMIN = "admin@contoso.com";
  static final String CLIENT_SECRET = "dev-secret-é:&=";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
  static RunningService directory;
  static WebTestClient http;
  static UUID adminId;

  @BeforeAll
  static void start() {
    DevTokens tokens = DevTokens.create();
    directory = RunningService.start(DirectoryServiceApplication.application(), DirectoryServiceApplication.NAME,
        ServiceNamespace.random("directory"), tokens,
        "--quartermaster.dev-identity.enabled=true",
        "--quartermaster.dev-identity.key-file=" + tokens.keyFile(),
        "--quartermaster.directory.seed-administrator=" + ADMIN,
        "--quartermaster.dev-identity.clients.provisioning-service.secret=" + CLIENT_SECRET,
        "--quartermaster.dev-identity.clients.reporting.secret=other-secret",
        "--quartermaster.dev-identity.clients.reporting.scopes=User.Read.All");
    WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(directory.baseUrl())
        .responseTimeout(Duration.ofSeconds(20)).build();
    String token = anonymous.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("user", ADMIN)).exchange()
        .expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody().get("access_token").toString();
    http = anonymous.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    adminId = UUID.fromString(http.get().uri("/v1.0/users/" + ADMIN).exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("id").toString());
  }

  @AfterAll
  static void stop() {
    directory.close();
  }

  static UUID createUser(String name) {
    Map<String, Object> body = http.post().uri("/v1.0/users").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of(
            "displayName", name,
            "passwordProfile", Map.of("password", "Contoso1234", "forceChangePasswordNextSignIn", true),
            "accountEnabled", true,
            "mailNickname", name,
            "userPrincipalName", name + "@contoso.onmicrosoft.com"))
        .exchange()
        .expectStatus().isCreated()
        .expectBody(JSON).returnResult().getResponseBody();
    assertThat(body).doesNotContainKey("passwordProfile");
    return UUID.fromString(body.get("id").toString());
  }

  static UUID createGroup(String name) {
    Map<String, Object> body = http.post().uri("/v1.0/groups").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("displayName", name, "description", name, "mailEnabled", false,
            "mailNickname", name.replace(" ", "").toLowerCase(), "securityEnabled", true))
        .exchange()
        .expectStatus().isCreated()
        .expectBody(JSON).returnResult().getResponseBody();
    return UUID.fromString(body.get("id").toString());
  }

  static long count(String collection) {
    return ((Number) http.get().uri("/v1.0/" + collection + "?$count=true&$top=1").exchange().expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody().get("@odata.count")).longValue();
  }

  @Test
  void seed000Step1CreatesAUserAndAGroupAndManagesMembershipIdempotently() {
    UUID requestor = createUser("Requestor1-" + UUID.randomUUID().toString().substring(0, 4));
    UUID group = createGroup("Marketing resources");
    Map<String, String> reference = Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + requestor);

    try (TopicTap groups = new TopicTap(directory.namespace(), Topics.DIRECTORY_GROUPS)) {
      http.post().uri("/v1.0/groups/{id}/members/$ref", group).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(reference).exchange().expectStatus().isNoContent();
      // A provisioning retry adds the same member again: no error and no second event.
      http.post().uri("/v1.0/groups/{id}/members/$ref", group).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(reference).exchange().expectStatus().isNoContent();
      http.get().uri("/v1.0/groups/{id}/members", group).exchange().expectStatus().isOk()
          .expectBody()
          .jsonPath("$.value.length()").isEqualTo(1)
          .jsonPath("$.value[0].id").isEqualTo(requestor.toString())
          .jsonPath("$.value[0]['@odata.type']").isEqualTo("#microsoft.graph.user")
          .jsonPath("$['@odata.context']").value(context -> assertThat((String) context).endsWith("/members"));
      http.get().uri("/v1.0/users/{id}/memberOf", requestor).exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.value[0].id").isEqualTo(group.toString());

      http.delete().uri("/v1.0/groups/{id}/members/{member}/$ref", group, requestor).exchange().expectStatus().isNoContent();
      http.delete().uri("/v1.0/groups/{id}/members/{member}/$ref", group, requestor).exchange().expectStatus().isNoContent();
      http.get().uri("/v1.0/groups/{id}/members", group).exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.value.length()").isEqualTo(0);

      List<TopicTap.Received> ofGroup = groups.awaitMatching(r -> r.key().equals(group.toString())
          && r.is(GroupMemberRemoved.class), 1);
      assertThat(ofGroup).hasSize(1);
      List<TopicTap.Received> all = groups.drain(Duration.ofMillis(500)).stream()
          .filter(r -> r.key().equals(group.toString())).toList();
      assertThat(all).extracting(r -> r.event().getClass().getSimpleName())
          .containsExactly("GroupCreated", "GroupMemberAdded", "GroupMemberRemoved");
      GroupMemberAdded added = (GroupMemberAdded) all.get(1).event();
      assertThat(added.getMemberId()).isEqualTo(requestor.toString());
      assertThat(added.getMetadata().getActor().getPrincipalId()).isEqualTo(adminId.toString());
      assertThat(added.getMetadata().getActor().getPrincipalType()).isEqualTo(org.quartermaster.events.PrincipalType.USER);
      assertThat(added.getMetadata().getAggregateId()).isEqualTo(group.toString());
      assertThat(((GroupCreated) all.get(0).event()).getGroup().getDisplayName()).isEqualTo("Marketing resources");
    }
  }

  @Test
  void userEventsCarryTheCreatedUserKeyedByItsId() {
    try (TopicTap users = new TopicTap(directory.namespace(), Topics.DIRECTORY_USERS)) {
      UUID id = createUser("EventUser" + UUID.randomUUID().toString().substring(0, 4));
      TopicTap.Received created = users.awaitMatching(r -> r.key().equals(id.toString()) && r.is(UserCreated.class), 1).get(0);
      assertThat(((UserCreated) created.event()).getUser().getUserPrincipalName()).startsWith("EventUser");
    }
  }

  @Test
  void usersAreQueriedWithFilterSelectCountAndServerSidePaging() {
    String tag = "Pager" + UUID.randomUUID().toString().substring(0, 4);
    for (int i = 0; i < 3; i++) {
      createUser(tag + i);
    }
    Map<String, Object> first = http.get().uri("/v1.0/users?$filter=startswith(displayName,'{tag}')&$top=2&$count=true&$select=displayName",
            tag).exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    assertThat(first.get("@odata.count")).isEqualTo(3);
    assertThat((List<?>) first.get("value")).hasSize(2);
    assertThat(((Map<?, ?>) ((List<?>) first.get("value")).get(0)).keySet().stream().map(Object::toString).toList()).containsExactlyInAnyOrder("id", "displayName");
    String next = first.get("@odata.nextLink").toString();
    assertThat(next).contains("$skiptoken=");
    Map<String, Object> second = WebTestClient.bindToServer().baseUrl(directory.baseUrl()).build()
        .get().uri(java.net.URI.create(next.replace("localhost:" + directory.port(), "localhost:" + directory.port())))
        .headers(headers -> headers.setBearerAuth(token()))
        .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    assertThat((List<?>) second.get("value")).hasSize(1);
    assertThat(second).doesNotContainKey("@odata.nextLink");
  }

  @Test
  void aManagerIsSetReadAndRemovedByReference() {
    UUID employee = createUser("Employee" + UUID.randomUUID().toString().substring(0, 4));
    UUID manager = createUser("Manager" + UUID.randomUUID().toString().substring(0, 4));
    http.put().uri("/v1.0/users/{id}/manager/$ref", employee).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/users/" + manager)).exchange()
        .expectStatus().isNoContent();
    http.get().uri("/v1.0/users/{id}/manager", employee).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.id").isEqualTo(manager.toString());
    http.delete().uri("/v1.0/users/{id}/manager/$ref", employee).exchange().expectStatus().isNoContent();
    http.get().uri("/v1.0/users/{id}/manager", employee).exchange().expectStatus().isNotFound();
  }

  @Test
  void theBetaRoutesServeTheSameDirectory() {
    UUID group = createGroup("Beta group");
    http.get().uri("/beta/groups/{id}", group).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.displayName").isEqualTo("Beta group");
  }

  /** A service gets its own token with the standard client-credentials grant, and the directory accepts it. */
  @Test
  void configuredClientsGetAppOnlyTokensByTheClientCredentialsGrant() throws java.text.ParseException {
    WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(directory.baseUrl()).build();
    // HTTP Basic, each part form-encoded first (RFC 6749 §2.3.1), as Spring's OAuth2 client sends it.
    String basic = java.util.Base64.getEncoder().encodeToString((urlEncode("provisioning-service") + ":"
        + urlEncode(CLIENT_SECRET)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Map<String, Object> issued = anonymous.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .header("Authorization", "Basic " + basic)
        .bodyValue("grant_type=client_credentials&scope=Group.ReadWrite.All").exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    assertThat(issued).containsEntry("token_type", "Bearer").containsEntry("scope", "Group.ReadWrite.All User.Read.All");
    var claims = com.nimbusds.jwt.SignedJWT.parse(issued.get("access_token").toString()).getJWTClaimsSet();
    UUID servicePrincipal = UUID.nameUUIDFromBytes("client:provisioning-service".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(claims.getStringClaim("oid")).isEqualTo(servicePrincipal.toString());
    assertThat(claims.getStringClaim("scp")).isEqualTo("Group.ReadWrite.All User.Read.All");
    assertThat(claims.getStringClaim("azp")).isEqualTo("provisioning-service");

    // The directory takes the service's token for a membership write and names the service as the actor.
    UUID user = createUser("Svc" + UUID.randomUUID().toString().substring(0, 4));
    UUID group = createGroup("Provisioned group");
    try (TopicTap groups = new TopicTap(directory.namespace(), Topics.DIRECTORY_GROUPS)) {
      anonymous.post().uri("/v1.0/groups/{id}/members/$ref", group).contentType(MediaType.APPLICATION_JSON)
          .headers(h -> h.setBearerAuth(issued.get("access_token").toString()))
          .bodyValue(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + user)).exchange()
          .expectStatus().isNoContent();
      GroupMemberAdded added = (GroupMemberAdded) groups.awaitMatching(r -> r.key().equals(group.toString())
          && r.is(GroupMemberAdded.class), 1).get(0).event();
      assertThat(added.getMetadata().getActor().getPrincipalId()).isEqualTo(servicePrincipal.toString());
      assertThat(added.getMetadata().getActor().getPrincipalType()).isEqualTo(org.quartermaster.events.PrincipalType.SERVICE);
    }

    // client_secret_post works too, with the client's own scopes.
    Map<String, Object> reporting = anonymous.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("grant_type=client_credentials&client_id=reporting&client_secret=other-secret").exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    assertThat(reporting).containsEntry("scope", "User.Read.All");

    for (String refused : List.of("grant_type=client_credentials&client_id=reporting&client_secret=wrong",
        "grant_type=client_credentials&client_id=stranger&client_secret=other-secret",
        "grant_type=client_credentials")) {
      anonymous.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(refused).exchange()
          .expectStatus().isUnauthorized()
          .expectBody().jsonPath("$.error.code").isEqualTo("invalid_client")
          .jsonPath("$.error.message").value(m -> assertThat((String) m).doesNotContain("other-secret"));
    }
    anonymous.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("grant_type=password&client_id=reporting&client_secret=other-secret").exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("unsupported_grant_type");
  }

  static String urlEncode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  static String token() {
    return directory.tokens().forUser(adminId, ADMIN);
  }

  /** Each refusal is a Graph error naming what is wrong, and writes nothing. */
  @Nested
  class BadInput {

    void assertNothingWritten(Runnable badCall) {
      long users = count("users");
      long groups = count("groups");
      badCall.run();
      assertThat(count("users")).isEqualTo(users);
      assertThat(count("groups")).isEqualTo(groups);
    }

    WebTestClient.BodyContentSpec postUser(String json, int status) {
      return http.post().uri("/v1.0/users").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
          .expectStatus().isEqualTo(status)
          .expectBody().jsonPath("$.error.code").exists().jsonPath("$.error.innerError.request-id").exists();
    }

    static final String VALID_USER = """
        {"displayName":"X","accountEnabled":true,"mailNickname":"x","userPrincipalName":"x@contoso.com",
         "passwordProfile":{"password":"p"}%s}""";

    @Test
    void malformedJson() {
      assertNothingWritten(() -> postUser("{\"displayName\": \"X\",", 400)
          .jsonPath("$.error.code").isEqualTo("invalidRequest")
          .jsonPath("$.error.message").value(m -> assertThat((String) m).contains("Malformed JSON")));
    }

    @Test
    void wrongType() {
      assertNothingWritten(() -> postUser(VALID_USER.formatted("").replace("\"accountEnabled\":true", "\"accountEnabled\":[1]"), 400)
          .jsonPath("$.error.message").value(m -> assertThat((String) m).contains("'accountEnabled'").contains("wrong type")));
    }

    @Test
    void missingRequiredProperty() {
      assertNothingWritten(() -> postUser(VALID_USER.formatted("").replace("\"displayName\":\"X\",", ""), 400)
          .jsonPath("$.error.message").value(m -> assertThat((String) m).contains("Property 'displayName' is required")));
    }

    @Test
    void unknownPropertyInAPost() {
      assertNothingWritten(() -> postUser(VALID_USER.formatted(",\"favouriteColour\":\"blue\""), 400)
          .jsonPath("$.error.message").value(m -> assertThat((String) m).contains("'favouriteColour'")));
    }

    @Test
    void odataAnnotationsSentBySdksAreAccepted() {
      String upn = "sdk" + UUID.randomUUID().toString().substring(0, 6) + "@contoso.com";
      http.post().uri("/v1.0/users").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(VALID_USER.formatted(",\"@odata.type\":\"#microsoft.graph.user\"").replace("x@contoso.com", upn))
          .exchange().expectStatus().isCreated()
          .expectBody().jsonPath("$.userPrincipalName").isEqualTo(upn);
    }

    @Test
    void invalidGuid() {
      http.get().uri("/v1.0/groups/not-a-guid").exchange().expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("'id'").contains("GUID"));
    }

    @Test
    void unknownId() {
      UUID unknown = UUID.randomUUID();
      http.get().uri("/v1.0/groups/{id}", unknown).exchange().expectStatus().isNotFound()
          .expectBody().jsonPath("$.error.code").isEqualTo("itemNotFound")
          .jsonPath("$.error.message").value(m -> assertThat((String) m).contains(unknown.toString()));
    }

    @Test
    void referenceToAnUnknownUserWritesNothing() {
      UUID group = createGroup("Ref target");
      UUID unknown = UUID.randomUUID();
      http.post().uri("/v1.0/groups/{id}/members/$ref", group).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + unknown)).exchange()
          .expectStatus().isNotFound()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains(unknown.toString()));
      http.get().uri("/v1.0/groups/{id}/members", group).exchange().expectBody().jsonPath("$.value.length()").isEqualTo(0);
    }

    @Test
    void invalidFilter() {
      http.get().uri("/v1.0/users?$filter=shoeSize eq 42").exchange().expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("$filter").contains("shoeSize"));
      http.get().uri("/v1.0/users?$filter=displayName eq").exchange().expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("$filter"));
    }

    @Test
    void oversizedBody() {
      String huge = VALID_USER.formatted(",\"department\":\"" + "x".repeat(2 * 1024 * 1024) + "\"");
      assertNothingWritten(() -> postUser(huge, 413).jsonPath("$.error.code").isEqualTo("requestEntityTooLarge"));
    }

    @Test
    void missingExpiredOrWronglySignedTokens() {
      WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(directory.baseUrl()).build();
      anonymous.get().uri("/v1.0/users").exchange().expectStatus().isUnauthorized()
          .expectBody().jsonPath("$.error.code").isEqualTo("InvalidAuthenticationToken");
      anonymous.get().uri("/v1.0/users").headers(h -> h.setBearerAuth(directory.tokens().expired(adminId))).exchange()
          .expectStatus().isUnauthorized()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("expired"));
      anonymous.get().uri("/v1.0/users").headers(h -> h.setBearerAuth(DevTokens.signedByStranger(adminId))).exchange()
          .expectStatus().isUnauthorized()
          .expectBody().jsonPath("$.error.code").isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void forbiddenWithoutTheWriteScope() {
      WebTestClient readOnly = WebTestClient.bindToServer().baseUrl(directory.baseUrl())
          .defaultHeader("Authorization", "Bearer " + directory.tokens().withScopes(adminId, "User.Read.All")).build();
      assertNothingWritten(() -> readOnly.post().uri("/v1.0/groups").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("displayName", "Nope", "mailEnabled", false, "mailNickname", "nope", "securityEnabled", true))
          .exchange().expectStatus().isForbidden()
          .expectBody().jsonPath("$.error.code").isEqualTo("accessDenied")
          .jsonPath("$.error.message").value(m -> assertThat((String) m).contains("Group.ReadWrite.All")));
    }

    @Test
    void aDuplicateUserPrincipalNameIsRefused() {
      String name = "Dup" + UUID.randomUUID().toString().substring(0, 4);
      createUser(name);
      assertNothingWritten(() -> http.post().uri("/v1.0/users").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("displayName", name, "passwordProfile", Map.of("password", "p"), "accountEnabled", true,
              "mailNickname", name, "userPrincipalName", name.toUpperCase() + "@CONTOSO.onmicrosoft.com"))
          .exchange().expectStatus().isBadRequest()
          .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("userPrincipalName")));
    }

    @Test
    void devTokensForUnknownUsersAreRefused() {
      WebTestClient.bindToServer().baseUrl(directory.baseUrl()).build()
          .post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("user", "nobody@contoso.com"))
          .exchange().expectStatus().isNotFound();
    }
  }
}
