package org.quartermaster.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK HTTP client speaking JSON to the gateway, so the raw tests see exactly what goes over the wire. */
final class GraphHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;
  private final Optional<String> token;

  private GraphHttp(String baseUrl, Optional<String> token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  static GraphHttp asAdministrator(RunningSystem system) {
    return new GraphHttp(system.baseUrl(), Optional.of(system.adminToken()));
  }

  /** A client bearing another caller's token, e.g. a requestor's own from {@link DevTokenEndpoint}. */
  static GraphHttp withToken(RunningSystem system, String token) {
    return new GraphHttp(system.baseUrl(), Optional.of(token));
  }

  static GraphHttp anonymous(RunningSystem system) {
    return new GraphHttp(system.baseUrl(), Optional.empty());
  }

  /** What came back: the status, every header and the parsed body (a missing node when there was none). */
  record Answer(int status, HttpHeaders headers, JsonNode body) {

    /** The items of a collection answer's {@code value}; empty when there is none. */
    List<JsonNode> values() {
      List<JsonNode> values = new ArrayList<>();
      body.path("value").forEach(values::add);
      return values;
    }
  }

  /** {@code pathOrUrl} is a path under the gateway, or an absolute URL the system handed out (a nextLink). */
  Answer get(String pathOrUrl, String... headers) {
    return send(request(pathOrUrl, headers).GET());
  }

  Answer post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  Answer patch(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  Answer put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String pathOrUrl, String... headers) {
    URI uri = URI.create(encodeSpaces(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl));
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
    token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  /**
   * Tests write OData queries as people read them ({@code $filter=displayName eq 'General'}). Spaces are the only
   * characters of that syntax a URI may not hold, so they are percent-encoded here as any HTTP client would; an
   * absolute link the system handed out is already encoded and has none.
   */
  private static String encodeSpaces(String uri) {
    return uri.replace(" ", "%20");
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
      return new Answer(response.statusCode(), response.headers(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling the gateway", e);
    }
  }
}
