package org.quartermaster.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The few Graph calls the benchmark makes, always through the gateway as a client would. */
final class GraphClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** For timed operations: a request still unanswered after this is counted as a timeout instead of stalling the run. */
  private static final Duration TIMED_OPERATION_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(1))
      .build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String baseUrl;

  GraphClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The status of an unauthenticated GET, e.g. 401 once the gateway and the service behind it are up. */
  int anonymousStatus(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(2)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** A token from the devstack's development issuer for the given user principal name. */
  String token(String userPrincipalName) throws IOException, InterruptedException {
    return string(send("POST", "/dev/token", null, Map.of("user", userPrincipalName), 200, TIMEOUT), "access_token");
  }

  /** @throws java.net.http.HttpTimeoutException when unanswered for 10 s */
  void get(String token, String path) throws IOException, InterruptedException {
    send("GET", path, token, null, 200, TIMED_OPERATION_TIMEOUT);
  }

  String createUser(String token, String nickname) throws IOException, InterruptedException {
    Map<String, Object> user = Map.of(
        "displayName", nickname,
        "accountEnabled", true,
        "mailNickname", nickname,
        "userPrincipalName", nickname + "@contoso.com",
        "passwordProfile", Map.of("password", "Benchmark-" + nickname + "-1"));
    return string(send("POST", "/v1.0/users", token, user, 201, TIMEOUT), "id");
  }

  String createGroup(String token, String nickname) throws IOException, InterruptedException {
    Map<String, Object> group = Map.of(
        "displayName", nickname,
        "mailEnabled", false,
        "mailNickname", nickname,
        "securityEnabled", true);
    return string(send("POST", "/v1.0/groups", token, group, 201, TIMEOUT), "id");
  }

  /** @throws java.net.http.HttpTimeoutException when unanswered for 10 s */
  void addMember(String token, String groupId, String userId) throws IOException, InterruptedException {
    Map<String, Object> reference = Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + userId);
    send("POST", "/v1.0/groups/" + groupId + "/members/$ref", token, reference, 204, TIMED_OPERATION_TIMEOUT);
  }

  /** Any Graph call whose answer is a JSON object; fails unless the status is the expected one. */
  @SuppressWarnings("unchecked")
  Map<String, Object> call(String method, String path, String token, Object body, int expectedStatus)
      throws IOException, InterruptedException {
    return json.readValue(send(method, path, token, body, expectedStatus, TIMEOUT), Map.class);
  }

  private String send(String method, String path, String token, Object body, int expectedStatus, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " (expected "
          + expectedStatus + "): " + response.body());
    }
    return response.body();
  }

  private String string(String body, String property) {
    Object value = json.readValue(body, Map.class).get(property);
    if (value == null) {
      throw new IllegalStateException("No '" + property + "' in " + body);
    }
    return value.toString();
  }
}
