package org.quartermaster.examples.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The sample's verifier against signatures made as the Standard Webhooks spec says. */
class WebhookVerifierTest {

  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  static final byte[] BODY = "{\"Stage\":\"assignmentRequestGranted\"}".getBytes(StandardCharsets.UTF_8);

  final WebhookVerifier verifier = new WebhookVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  String signature(String id, long timestamp, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(verifier.sign(id, timestamp, body));
  }

  @Test
  void aValidSignatureIsAccepted() throws Exception {
    long ts = NOW.getEpochSecond();
    assertThat(verifier.verify("msg_1", Long.toString(ts), signature("msg_1", ts, BODY), BODY))
        .isEqualTo(WebhookVerifier.Verdict.FRESH);
  }

  @Test
  void aKnownVectorFromTheSpecificationsAlgorithmVerifies() throws Exception {
    // Computed independently: HMAC-SHA256(key, "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}").
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    WebhookVerifier then = new WebhookVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC));
    assertThat(then.verify("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", body)).isEqualTo(WebhookVerifier.Verdict.FRESH);
  }

  @Test
  void aForgedSignatureIsRejected() {
    long ts = NOW.getEpochSecond();
    WebhookVerifier stranger = new WebhookVerifier("whsec_" + Base64.getEncoder().encodeToString(new byte[32]),
        Clock.fixed(NOW, ZoneOffset.UTC));
    String forged = "v1," + Base64.getEncoder().encodeToString(stranger.sign("msg_1", ts, BODY));
    assertThatThrownBy(() -> verifier.verify("msg_1", Long.toString(ts), forged, BODY))
        .isInstanceOf(WebhookVerifier.Rejected.class).hasMessageContaining("forged");
    byte[] tampered = "{\"Stage\":\"assignmentRequestRemoved\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verifier.verify("msg_1", Long.toString(ts), signature("msg_1", ts, BODY), tampered))
        .isInstanceOf(WebhookVerifier.Rejected.class);
  }

  @Test
  void aStaleOrFutureTimestampIsRejected() {
    long stale = NOW.minusSeconds(301).getEpochSecond();
    assertThatThrownBy(() -> verifier.verify("msg_2", Long.toString(stale), signature("msg_2", stale, BODY), BODY))
        .isInstanceOf(WebhookVerifier.Rejected.class).hasMessageContaining("minutes");
    long future = NOW.plusSeconds(301).getEpochSecond();
    assertThatThrownBy(() -> verifier.verify("msg_3", Long.toString(future), signature("msg_3", future, BODY), BODY))
        .isInstanceOf(WebhookVerifier.Rejected.class);
  }

  @Test
  void aReplayedIdIsReportedSoNothingHappensTwice() throws Exception {
    long ts = NOW.getEpochSecond();
    String signature = signature("msg_4", ts, BODY);
    assertThat(verifier.verify("msg_4", Long.toString(ts), signature, BODY)).isEqualTo(WebhookVerifier.Verdict.FRESH);
    assertThat(verifier.verify("msg_4", Long.toString(ts), signature, BODY)).isEqualTo(WebhookVerifier.Verdict.REPLAYED);
  }

  @Test
  void missingHeadersAreRejected() {
    assertThatThrownBy(() -> verifier.verify(null, "1", "v1,x", BODY)).isInstanceOf(WebhookVerifier.Rejected.class);
  }
}
