package org.quartermaster.examples.ticketing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A ticketing system as a custom extension sees it. {@code POST /callouts} takes Quartermaster's (or entitlement
 * management's) signed callouts: it opens a ticket for every grant and removal, and for a launch-and-wait callout
 * (one with a CallbackConfiguration) it calls {@code resume} after its own delay, approving or, if so configured,
 * denying. {@code GET /tickets} lists the tickets as JSON. Configuration comes from the environment (see README.md).
 */
public final class TicketingApp implements AutoCloseable {

  private static final Logger log = Logger.getLogger(TicketingApp.class.getName());
  private static final int MAX_BODY = 1 << 20;

  /** The settings; see README.md for the environment variables. */
  public record Settings(int port, String secret, String graphBase, Duration resumeDelay, boolean deny,
      String tokenUrl, String clientId, String clientSecret, String scope, String devUser, String bearerToken) {

    public static Settings fromEnvironment(Map<String, String> env) {
      String secret = env.get("TICKETING_SECRET");
      if (secret == null || secret.isBlank()) {
        throw new IllegalArgumentException("TICKETING_SECRET is required: the extension's signingSecret (whsec_...)");
      }
      return new Settings(Integer.parseInt(env.getOrDefault("TICKETING_PORT", "8090")), secret,
          env.getOrDefault("TICKETING_GRAPH_BASE", "http://localhost:8080/beta"),
          Duration.parse(env.getOrDefault("TICKETING_RESUME_DELAY", "PT2S")),
          Boolean.parseBoolean(env.getOrDefault("TICKETING_DENY", "false")),
          env.get("TICKETING_TOKEN_URL"), env.get("TICKETING_CLIENT_ID"), env.get("TICKETING_CLIENT_SECRET"),
          env.get("TICKETING_SCOPE"), env.get("TICKETING_DEV_USER"), env.get("TICKETING_BEARER_TOKEN"));
    }
  }

  /** One ticket: what happened, to whom, in which access package. */
  public record Ticket(String id, String stage, String requestId, String accessPackage, String target, String openedAt) {
    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("stage", stage);
      json.put("requestId", requestId);
      json.put("accessPackage", accessPackage);
      json.put("target", target);
      json.put("openedAt", openedAt);
      return json;
    }
  }

  private final Settings settings;
  private final WebhookVerifier verifier;
  private final Clock clock;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService resumes = Executors.newSingleThreadScheduledExecutor();
  private final java.util.concurrent.ExecutorService handlers = Executors.newFixedThreadPool(4);
  private final List<Ticket> tickets = new CopyOnWriteArrayList<>();
  private final List<String> resumed = new CopyOnWriteArrayList<>();

  public TicketingApp(Settings settings, Clock clock) throws IOException {
    this.settings = settings;
    this.clock = clock;
    this.verifier = new WebhookVerifier(settings.secret(), clock);
    this.server = HttpServer.create(new InetSocketAddress(settings.port()), 0);
    server.createContext("/callouts", this::callout);
    server.createContext("/tickets", this::tickets);
    server.setExecutor(handlers);
  }

  public static void main(String[] args) throws IOException {
    TicketingApp app = new TicketingApp(Settings.fromEnvironment(System.getenv()), Clock.systemUTC());
    app.start();
    log.info("Ticketing listening on http://localhost:" + app.port() + "/callouts; tickets at /tickets");
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Ticket> tickets() {
    return List.copyOf(tickets);
  }

  /** The stage instance ids this app has resumed. */
  public List<String> resumed() {
    return List.copyOf(resumed);
  }

  private void callout(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, Map.of("error", "POST only"));
        return;
      }
      byte[] body = read(exchange.getRequestBody());
      WebhookVerifier.Verdict verdict;
      try {
        verdict = verifier.verify(exchange.getRequestHeaders().getFirst("webhook-id"),
            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
            exchange.getRequestHeaders().getFirst("webhook-signature"), body);
      } catch (WebhookVerifier.Rejected rejected) {
        log.warning("Refused a callout: " + rejected.getMessage());
        respond(exchange, 401, Map.of("error", rejected.getMessage()));
        return;
      }
      if (verdict == WebhookVerifier.Verdict.REPLAYED) {
        // A retry of a callout already handled: acknowledge it, do nothing twice.
        respond(exchange, 202, Map.of("status", "already handled"));
        return;
      }
      Map<String, Object> payload = asMap(Json.parse(new String(body, StandardCharsets.UTF_8)));
      String stage = string(payload.get("Stage"));
      String instance = string(payload.get("CustomExtensionStageInstanceId"));
      if ("assignmentRequestGranted".equalsIgnoreCase(stage) || "assignmentRequestRemoved".equalsIgnoreCase(stage)) {
        Map<String, Object> assignment = asMap(payload.get("Assignment"));
        Map<String, Object> target = asMap(assignment.get("Target"));
        Map<String, Object> accessPackage = asMap(payload.get("AccessPackage"));
        Ticket ticket = new Ticket("TICKET-" + (tickets.size() + 1), stage, string(payload.get("AccessPackageAssignmentRequestId")),
            firstNonNull(string(accessPackage.get("DisplayName")), string(accessPackage.get("Id"))),
            firstNonNull(string(target.get("DisplayName")), string(target.get("ObjectId"))), clock.instant().toString());
        tickets.add(ticket);
        log.info("Opened " + ticket);
      }
      if (payload.get("CallbackConfiguration") != null && payload.get("CallbackUriPath") != null) {
        String path = string(payload.get("CallbackUriPath"));
        resumes.schedule(() -> resume(path, instance, stage), settings.resumeDelay().toMillis(), TimeUnit.MILLISECONDS);
      }
      respond(exchange, 202, Map.of("status", "accepted"));
    } catch (RuntimeException e) {
      log.warning("Could not handle a callout: " + e);
    }
  }

  private void tickets(HttpExchange exchange) throws IOException {
    try (exchange) {
      List<Object> values = new ArrayList<>();
      tickets.forEach(ticket -> values.add(ticket.toJson()));
      respond(exchange, 200, Map.of("value", values));
    }
  }

  /** {@code POST {graphBase}{CallbackUriPath}} with the resume body of Graph's docs. */
  void resume(String callbackUriPath, String instanceId, String stage) {
    try {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("@odata.type", "microsoft.graph.accessPackageAssignmentRequestCallbackData");
      data.put("stage", stage);
      data.put("customExtensionStageInstanceId", instanceId);
      data.put("customExtensionStageInstanceDetail", settings.deny() ? "Denied by the ticketing sample" : "Ticket approved");
      if (settings.deny()) {
        data.put("state", "denied");
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("source", "Quartermaster.TicketingSample");
      body.put("type", "microsoft.graph.accessPackageCustomExtensionStage." + stage);
      body.put("data", data);
      HttpRequest request = HttpRequest.newBuilder(URI.create(settings.graphBase() + callbackUriPath))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + token())
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
          .timeout(Duration.ofSeconds(10))
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      log.info("resume of " + instanceId + " answered " + response.statusCode());
      if (response.statusCode() / 100 == 2) {
        resumed.add(instanceId);
      }
    } catch (IOException | RuntimeException e) {
      log.warning("resume of " + instanceId + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A token to call Graph with: a fixed one, a client-credentials one (any OAuth2 issuer, or the devstack's
   * {@code /dev/token}), or the devstack's dev token for a user.
   */
  private String token() throws IOException, InterruptedException {
    if (settings.bearerToken() != null) {
      return settings.bearerToken();
    }
    HttpRequest request;
    if (settings.tokenUrl() != null && settings.clientId() != null) {
      String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
          + encode(settings.clientSecret()) + (settings.scope() == null ? "" : "&scope=" + encode(settings.scope()));
      request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    } else if (settings.tokenUrl() != null && settings.devUser() != null) {
      request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("user", settings.devUser())))).build();
    } else {
      throw new IllegalStateException("no way to get a token: set TICKETING_BEARER_TOKEN, or TICKETING_TOKEN_URL with "
          + "TICKETING_CLIENT_ID/TICKETING_CLIENT_SECRET or TICKETING_DEV_USER");
    }
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    Object token = asMap(Json.parse(response.body())).get("access_token");
    if (token == null) {
      throw new IOException("the token endpoint answered " + response.statusCode() + " without an access_token");
    }
    return token.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new IOException("callout body larger than " + MAX_BODY + " bytes");
    }
    return body;
  }

  private static void respond(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
    byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }

  @Override
  public void close() {
    server.stop(0);
    resumes.shutdownNow();
    handlers.shutdownNow();
  }

  /** For logs and tests: when this app would consider a message stale. */
  public Instant staleBefore() {
    return clock.instant().minus(WebhookVerifier.TOLERANCE);
  }
}
