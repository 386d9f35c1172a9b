package org.quartermaster.directory.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graph calls against a directory process that may die mid-request, so a lost connection is an
 * outcome to report, not an error.
 */
final class DirectoryHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String baseUrl;
  private final String token;

  DirectoryHttp(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** True once the service answers an authenticated Graph query, which needs the web server, security and the database. */
  boolean answersQueries() {
    try {
      return send(request("/v1.0/users?$top=1").GET()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The HTTP status, or empty when the process died before it answered. */
  Optional<Integer> createUser(String mailNickname, String userPrincipalName) {
    String body = JSON.writeValueAsString(Map.of(
        "displayName", mailNickname,
        "passwordProfile", Map.of("password", "Contoso1234", "forceChangePasswordNextSignIn", true),
        "accountEnabled", true,
        "mailNickname", mailNickname,
        "userPrincipalName", userPrincipalName));
    try {
      return Optional.of(send(request("/v1.0/users").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The user's Graph representation, or empty if the directory answers 404. */
  Optional<Map<String, Object>> getUser(String idOrUserPrincipalName) throws IOException {
    HttpResponse<String> response = send(request("/v1.0/users/" + idOrUserPrincipalName).GET());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET user answered " + response.statusCode() + ": " + response.body());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> user = JSON.readValue(response.body(), Map.class);
    return Optional.of(user);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
