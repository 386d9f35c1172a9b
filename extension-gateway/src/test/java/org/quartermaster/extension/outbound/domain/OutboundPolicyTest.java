package org.quartermaster.extension.outbound.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbound policy against a resolver the test controls, so DNS answers are whatever the case needs. */
class OutboundPolicyTest {

  static final Map<String, String> DNS = Map.of(
      "hooks.contoso.com", "20.50.2.10",
      "internal.contoso.com", "10.0.0.7",
      "rebinding.example", "169.254.169.254",
      "v6.example", "fe80::1",
      "ula.example", "fd12:3456::1",
      "ec2-v6.example", "fd00:ec2::254",
      "localhost", "127.0.0.1");

  static InetAddress[] resolve(String host) throws UnknownHostException {
    String address = DNS.get(host);
    if (address == null) {
      if (host.matches("[0-9.]+|[0-9a-f:]+")) {
        return new InetAddress[] {InetAddress.getByName(host)};
      }
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(address)};
  }

  final OutboundPolicy strict = new OutboundPolicy(false, List.of(), OutboundPolicyTest::resolve);
  final OutboundPolicy lenient = new OutboundPolicy(true, List.of(), OutboundPolicyTest::resolve);

  @Test
  void publicHttpAndHttpsEndpointsAreAllowed() {
    assertThat(strict.check("https://hooks.contoso.com/trigger?sig=1").getHost()).isEqualTo("hooks.contoso.com");
    assertThat(strict.check("http://hooks.contoso.com:8080/x").getPort()).isEqualTo(8080);
  }

  @Test
  void otherSchemesCredentialsAndGarbageAreRefused() {
    assertThatThrownBy(() -> strict.check("ftp://hooks.contoso.com/x")).isInstanceOf(OutboundRefused.class);
    assertThatThrownBy(() -> strict.check("file:///etc/passwd")).isInstanceOf(OutboundRefused.class);
    assertThatThrownBy(() -> strict.check("https://user:pw@hooks.contoso.com/")).isInstanceOf(OutboundRefused.class);
    assertThatThrownBy(() -> strict.check("not a url")).isInstanceOf(OutboundRefused.class);
    assertThatThrownBy(() -> strict.check("https://nowhere.invalid/")).hasMessageContaining("does not resolve");
  }

  @Test
  void linkLocalAndMetadataAreRefusedEvenWhenPrivateNetworksAreAllowed() {
    for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://rebinding.example/",
        "http://metadata.google.internal/computeMetadata/v1/", "http://[fe80::1]/", "http://v6.example/",
        "http://ec2-v6.example/")) {
      assertThatThrownBy(() -> lenient.check(url)).as(url).isInstanceOf(OutboundRefused.class)
          .hasMessageContaining("never");
    }
  }

  @Test
  void privateRangesNeedAnExplicitAllow() {
    for (String url : List.of("http://10.0.0.7/", "http://internal.contoso.com/", "http://172.16.4.4/",
        "http://192.168.1.1/", "http://127.0.0.1:8090/", "http://localhost/", "http://[::1]/", "http://ula.example/")) {
      assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(OutboundRefused.class)
          .hasMessageContaining("private");
      assertThat(lenient.check(url)).as(url).isNotNull();
    }
    OutboundPolicy named = new OutboundPolicy(false, List.of("Internal.Contoso.com"), OutboundPolicyTest::resolve);
    assertThat(named.check("https://internal.contoso.com/hook")).isNotNull();
    assertThatThrownBy(() -> named.check("http://10.0.0.7/")).isInstanceOf(OutboundRefused.class);
  }

  @Test
  void signaturesFollowStandardWebhooks() {
    // The example of the Standard Webhooks specification.
    assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
        "{\"test\": 2432232314}".getBytes())).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    String secret = WebhookSignature.newSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(WebhookSignature.keyBytes(secret)).hasSize(32);
    assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
  }
}
