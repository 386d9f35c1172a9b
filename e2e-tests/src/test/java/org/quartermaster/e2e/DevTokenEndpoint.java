package org.quartermaster.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Asks the system's own {@code POST /dev/token}, through the gateway, for a signed token. */
final class DevTokenEndpoint {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DevTokenEndpoint() {
  }

  static String tokenFor(String baseUrl, String user) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/dev/token"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("user", user))))
        .build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("POST /dev/token answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body()).required("access_token").asString();
    } catch (IOException e) {
      throw new IllegalStateException("POST /dev/token failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking for a dev token", e);
    }
  }
}
