package org.quartermaster.extension;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartermaster.examples.ticketing.WebhookVerifier;

/**
 * The outside systems extensions call, on one local port: {@code /hook/{name}} answers as its name's mode says, and
 * verifies every call's signature with the ticketing sample's verifier (a second implementation of the algorithm),
 * keyed with the secret the extension was created with.
 */
final class Endpoint implements AutoCloseable {

  enum Mode { ACCEPT, DOWN, HANG }

  /** One call as it arrived. */
  record Call(String name, String webhookId, String timestamp, String signature, String authorization, String body,
      boolean signatureValid) {
  }

  private final HttpServer server;
  private final Clock clock;
  private final Map<String, Mode> modes = new ConcurrentHashMap<>();
  private final Map<String, WebhookVerifier> verifiers = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger hanging = new AtomicInteger();
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

  Endpoint(Clock clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hook/", this::handle);
    server.createContext("/token", this::token);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String url(String host, String name) {
    return "http://" + host + ":" + server.getAddress().getPort() + "/hook/" + name;
  }

  void expect(String name, String secret, Mode mode) {
    verifiers.put(name, new WebhookVerifier(secret, clock));
    modes.put(name, mode);
  }

  List<Call> calls(String name) {
    return calls.stream().filter(call -> call.name().equals(name)).toList();
  }

  /** Where an OAuth2 client-credentials token is issued: each grant gets a new token, {@code issued-<n>}. */
  String tokenUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/token";
  }

  /** The form bodies of the token requests, in order. */
  List<String> tokenRequests() {
    return List.copyOf(tokenRequests);
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] answer = ("{\"access_token\":\"issued-" + tokenRequests.size()
          + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  int hanging() {
    return hanging.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = exchange.getRequestURI().getPath().substring("/hook/".length());
      byte[] body = exchange.getRequestBody().readAllBytes();
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
      String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
      boolean valid;
      try {
        verifiers.get(name).verify(id, timestamp, signature, body);
        valid = true;
      } catch (WebhookVerifier.Rejected | RuntimeException e) {
        valid = false;
      }
      calls.add(new Call(name, id, timestamp, signature, exchange.getRequestHeaders().getFirst("Authorization"),
          new String(body, StandardCharsets.UTF_8), valid));
      Mode mode = modes.getOrDefault(name, Mode.ACCEPT);
      if (mode == Mode.HANG) {
        hanging.incrementAndGet();
        try {
          Thread.sleep(12_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          hanging.decrementAndGet();
        }
      }
      int status = mode == Mode.DOWN ? 503 : 202;
      exchange.sendResponseHeaders(status, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
