package org.quartermaster.examples.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample over HTTP: signed grants open tickets, forged ones are refused, a retry opens nothing twice. */
class TicketingAppTest {

  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
  static final String GRANT = "{\"Stage\":\"assignmentRequestGranted\",\"CustomExtensionStageInstanceId\":\"c1\","
      + "\"AccessPackageAssignmentRequestId\":\"r1\",\"AccessPackage\":{\"Id\":\"p1\",\"DisplayName\":\"Analyst\"},"
      + "\"Assignment\":{\"Id\":\"a1\",\"Target\":{\"ObjectId\":\"u1\",\"DisplayName\":\"Ada\"}}}";

  TicketingApp app;
  final HttpClient http = HttpClient.newHttpClient();
  final WebhookVerifier signer = new WebhookVerifier(SECRET, Clock.systemUTC());

  @BeforeEach
  void start() throws Exception {
    app = new TicketingApp(TicketingApp.Settings.fromEnvironment(Map.of("TICKETING_SECRET", SECRET, "TICKETING_PORT", "0",
        "TICKETING_BEARER_TOKEN", "t")), Clock.systemUTC());
    app.start();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  int post(String id, String body, String signature) throws Exception {
    long ts = System.currentTimeMillis() / 1000;
    String sig = signature != null ? signature
        : "v1," + Base64.getEncoder().encodeToString(signer.sign(id, ts, body.getBytes()));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/callouts"))
        .header("webhook-id", id).header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", sig)
        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aSignedGrantOpensOneTicketAndAForgedOneIsRefused() throws Exception {
    assertThat(post("c1", GRANT, null)).isEqualTo(202);
    assertThat(post("c1", GRANT, null)).isEqualTo(202);
    assertThat(post("c2", GRANT, "v1," + Base64.getEncoder().encodeToString(new byte[32]))).isEqualTo(401);
    assertThat(app.tickets()).singleElement().satisfies(ticket -> {
      assertThat(ticket.stage()).isEqualTo("assignmentRequestGranted");
      assertThat(ticket.target()).isEqualTo("Ada");
      assertThat(ticket.accessPackage()).isEqualTo("Analyst");
    });
    String listed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/tickets")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(listed).contains("\"stage\":\"assignmentRequestGranted\"").contains("TICKET-1");
  }
}
