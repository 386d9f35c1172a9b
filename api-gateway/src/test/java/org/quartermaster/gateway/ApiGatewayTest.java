package org.quartermaster.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The gateway against a real downstream HTTP server and against a port nobody listens on. */
class ApiGatewayTest {

  private static final AtomicReference<String> seenRequestId = new AtomicReference<>();
  private static final AtomicReference<String> seenHost = new AtomicReference<>();
  private static DisposableServer directory;
  private static ConfigurableApplicationContext gateway;
  private static ConfigurableApplicationContext gatewayToNowhere;

  @BeforeAll
  static void start() throws IOException {
    directory = HttpServer.create().host("127.0.0.1").port(0)
        .handle((request, response) -> {
          seenRequestId.set(request.requestHeaders().get("request-id"));
          seenHost.set(request.requestHeaders().get("Host"));
          return response.header("Content-Type", "application/json").sendString(Mono.just("{\"value\":[]}"));
        })
        .bindNow();
    gateway = start("http://127.0.0.1:" + directory.port());
    gatewayToNowhere = start("http://127.0.0.1:" + closedPort());
  }

  private static ConfigurableApplicationContext start(String directoryUri) {
    return ApiGatewayApplication.application()
        .run("--server.port=0", "--quartermaster.gateway.services.directory-service=" + directoryUri);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static WebTestClient client(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    gatewayToNowhere.close();
    directory.disposeNow();
  }

  @Test
  void routesGraphPathsToTheOwningServiceWithARequestIdAndTheGatewayHost() {
    client(gateway).get().uri("/v1.0/users?$top=1").header("client-request-id", "abc-123").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("request-id", "abc-123")
        .expectBody().jsonPath("$.value").isArray();
    assertThat(seenRequestId.get()).isEqualTo("abc-123");
    assertThat(seenHost.get()).startsWith("localhost:");
  }

  @Test
  void generatesARequestIdWhenTheClientSendsNone() {
    client(gateway).get().uri("/beta/groups").exchange().expectStatus().isOk();
    assertThat(seenRequestId.get()).matches("[0-9a-f-]{36}");
  }

  @Test
  void anUnreachableServiceIsAGraph503WithRetryAfterNotAHang() {
    long started = System.nanoTime();
    client(gatewayToNowhere).get().uri("/v1.0/users").exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().valueEquals("Retry-After", "5")
        .expectBody()
        .jsonPath("$.error.code").isEqualTo("serviceNotAvailable")
        .jsonPath("$.error.message").value(message -> assertThat((String) message).contains("/v1.0/users"))
        .jsonPath("$.error.innerError.request-id").exists();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aPathNoServiceOwnsIsAGraph404() {
    client(gateway).get().uri("/v1.0/nothingHere").exchange()
        .expectStatus().isNotFound()
        .expectHeader().exists("request-id")
        .expectBody().jsonPath("$.error.code").isEqualTo("itemNotFound");
  }
}
