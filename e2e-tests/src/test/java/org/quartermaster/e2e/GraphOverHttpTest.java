package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seed 000 and the gateway's Graph conventions, over raw HTTP exactly as a non-SDK client would send it. */
@EndToEnd
class GraphOverHttpTest {

  @Test
  void seed000Step1ManagesGroupMembershipThroughTheGateway(RunningSystem system) {
    GraphHttp graph = GraphHttp.asAdministrator(system);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String requestor = createUser(graph, "Requestor1-" + suffix);
    GraphHttp.Answer group = graph.post("/v1.0/groups", Map.of(
        "displayName", "Marketing resources",
        "description", "Marketing resources",
        "mailEnabled", false,
        "mailNickname", "markres",
        "securityEnabled", true));
    assertThat(group.status()).isEqualTo(201);
    assertThat(group.body().path("displayName").asString()).isEqualTo("Marketing resources");
    String groupId = group.body().path("id").asString();

    GraphHttp.Answer added = graph.post("/v1.0/groups/" + groupId + "/members/$ref",
        Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + requestor));
    assertThat(added.status()).isEqualTo(204);

    List<JsonNode> members = elements(graph.get("/v1.0/groups/" + groupId + "/members"));
    assertThat(members).singleElement().satisfies(member -> {
      assertThat(member.path("id").asString()).isEqualTo(requestor);
      assertThat(member.path("@odata.type").asString()).isEqualTo("#microsoft.graph.user");
      assertThat(member.path("userPrincipalName").asString()).isEqualTo("Requestor1-" + suffix + "@contoso.onmicrosoft.com");
    });

    assertThat(graph.delete("/v1.0/groups/" + groupId + "/members/" + requestor + "/$ref").status()).isEqualTo(204);
    assertThat(elements(graph.get("/v1.0/groups/" + groupId + "/members"))).isEmpty();
  }

  @Test
  void everyAnswerCarriesExactlyOneRequestIdAndReusesTheClientsOne(RunningSystem system) {
    GraphHttp graph = GraphHttp.asAdministrator(system);

    // Routed answers: the service echoes the id and the gateway must not add a second one.
    GraphHttp.Answer routed = graph.get("/v1.0/users?$top=1");
    assertThat(routed.status()).isEqualTo(200);
    assertThat(routed.headers().allValues("request-id")).hasSize(1);

    String clientRequestId = UUID.randomUUID().toString();
    GraphHttp.Answer correlated = graph.get("/v1.0/users?$top=1", "client-request-id", clientRequestId);
    assertThat(correlated.headers().allValues("request-id")).containsExactly(clientRequestId);

    // Answers the gateway writes itself.
    assertThat(graph.get("/v1.0/noSuchResource").headers().allValues("request-id")).hasSize(1);
  }

  @Test
  void aPathNoServiceOwnsIsAGraphError(RunningSystem system) {
    GraphHttp.Answer answer = GraphHttp.asAdministrator(system).get("/v1.0/noSuchResource");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertGraphError(answer, "itemNotFound");
  }

  @Test
  void anUnknownPathUnderAServicesPrefixIsAGraphErrorToo(RunningSystem system) {
    GraphHttp.Answer answer = GraphHttp.asAdministrator(system).get("/v1.0/groups/" + UUID.randomUUID() + "/noSuchNavigation");

    assertThat(answer.status()).isEqualTo(404);
    assertGraphError(answer, "itemNotFound");
  }

  @Test
  void aRequestWithoutATokenIsAGraph401ThroughTheGateway(RunningSystem system) {
    GraphHttp.Answer answer = GraphHttp.anonymous(system).get("/v1.0/users");

    assertThat(answer.status()).isEqualTo(401);
    assertGraphError(answer, "InvalidAuthenticationToken");
  }

  @Test
  void nextLinkPointsAtTheGatewayAndFollowingItReturnsTheRest(RunningSystem system) {
    GraphHttp graph = GraphHttp.asAdministrator(system);
    String tag = "Pager" + UUID.randomUUID().toString().substring(0, 8);
    List<String> created = List.of(createUser(graph, tag + "a"), createUser(graph, tag + "b"), createUser(graph, tag + "c"));

    GraphHttp.Answer first = graph.get("/v1.0/users?$filter=startswith(displayName,'" + tag + "')&$top=2");
    assertThat(first.status()).isEqualTo(200);
    String nextLink = first.body().path("@odata.nextLink").asString();
    URI next = URI.create(nextLink);
    URI gateway = URI.create(system.baseUrl());
    assertThat(next.getHost()).isEqualTo(gateway.getHost());
    assertThat(next.getPort()).isEqualTo(gateway.getPort());

    GraphHttp.Answer second = graph.get(nextLink);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().has("@odata.nextLink")).isFalse();

    List<String> seen = new ArrayList<>();
    elements(first).forEach(user -> seen.add(user.path("id").asString()));
    elements(second).forEach(user -> seen.add(user.path("id").asString()));
    assertThat(elements(first)).hasSize(2);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
  }

  private static String createUser(GraphHttp graph, String name) {
    GraphHttp.Answer user = graph.post("/v1.0/users", Map.of(
        "displayName", name,
        "passwordProfile", Map.of("password", "Contoso1234", "forceChangePasswordNextSignIn", true),
        "accountEnabled", true,
        "mailNickname", name,
        "userPrincipalName", name + "@contoso.onmicrosoft.com"));
    assertThat(user.status()).isEqualTo(201);
    assertThat(user.body().has("passwordProfile")).isFalse();
    return user.body().path("id").asString();
  }

  private static List<JsonNode> elements(GraphHttp.Answer collection) {
    assertThat(collection.status()).isEqualTo(200);
    List<JsonNode> values = new ArrayList<>();
    collection.body().path("value").forEach(values::add);
    return values;
  }

  private static void assertGraphError(GraphHttp.Answer answer, String code) {
    JsonNode error = answer.body().path("error");
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.path("message").asString()).isNotBlank();
    assertThat(error.path("innerError").path("request-id").asString())
        .isEqualTo(answer.headers().firstValue("request-id").orElseThrow());
  }
}
