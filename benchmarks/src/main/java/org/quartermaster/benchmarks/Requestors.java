package org.quartermaster.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the users who will each make one self-service request, through {@code /v1.0/users}, and fetches each one's
 * token from the dev issuer up front, so that no token is fetched while latency is measured. A few calls run at once:
 * one at a time would take minutes for thousands of users.
 */
final class Requestors {

  /** Enough to keep the directory busy without swamping the machine the other engineers share. */
  private static final int IN_FLIGHT = 8;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A user and the token with which they ask for access for themselves. */
  record Requestor(String id, String token) {
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String baseUrl;
  private final String adminToken;

  Requestors(String baseUrl, String adminToken) {
    this.baseUrl = baseUrl;
    this.adminToken = adminToken;
  }

  List<Requestor> create(int count, String nicknamePrefix) throws InterruptedException {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Requestor>> pending = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      slots.acquire();
      String nickname = nicknamePrefix + i;
      CompletableFuture<Requestor> requestor = createUser(nickname)
          .thenCompose(id -> token(nickname + "@contoso.com").thenApply(token -> new Requestor(id, token)));
      requestor.whenComplete((done, failure) -> slots.release());
      pending.add(requestor);
      if (i > 0 && i % 1000 == 0) {
        BenchmarkMain.progress("user-add: " + i + " of " + count + " users created");
      }
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  private CompletableFuture<String> createUser(String nickname) {
    Map<String, Object> user = Map.of(
        "displayName", nickname,
        "accountEnabled", true,
        "mailNickname", nickname,
        "userPrincipalName", nickname + "@contoso.com",
        "passwordProfile", Map.of("password", "Benchmark-" + nickname + "-1"));
    return post("/v1.0/users", adminToken, user, 201, "id");
  }

  private CompletableFuture<String> token(String userPrincipalName) {
    return post("/dev/token", null, Map.of("user", userPrincipalName), 200, "access_token");
  }

  private CompletableFuture<String> post(String path, String token, Object body, int expectedStatus, String property) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return json.readValue(response.body(), Map.class).get(property).toString();
    });
  }
}
