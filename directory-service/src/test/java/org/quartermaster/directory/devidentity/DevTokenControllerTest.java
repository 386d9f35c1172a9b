package org.quartermaster.directory.devidentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.web.GraphException;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;

/** Outside the devstack the dev issuer is off, and its endpoints refuse rather than mint tokens. */
class DevTokenControllerTest {

  @Test
  void tokensAndKeysAreRefusedWhenTheDevIssuerIsDisabled() {
    DevIdentityProperties disabled = new DevIdentityProperties(false, "quartermaster-dev", null, Duration.ofHours(1), "x",
        Map.of("provisioning-service", new DevIdentityProperties.Client("s3cret", "Group.ReadWrite.All")));
    DevTokenController controller = new DevTokenController(disabled, null,
        new StaticListableBeanFactory().getBeanProvider(DevTokenIssuer.class));
    StepVerifier.create(controller.token(new DevTokenController.TokenRequest("admin@contoso.com")))
        .expectErrorSatisfies(error -> {
          assertThat(error).isInstanceOf(GraphException.class);
          assertThat(((GraphException) error).status().value()).isEqualTo(403);
          assertThat(error.getMessage()).contains("disabled");
        })
        .verify();
    StepVerifier.create(controller.jwks()).expectError(GraphException.class).verify();
    // A configured client gets no token from a disabled issuer either.
    MockServerWebExchange clientCredentials = MockServerWebExchange.from(MockServerHttpRequest.post("/dev/token")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("grant_type=client_credentials&client_id=provisioning-service&client_secret=s3cret"));
    StepVerifier.create(controller.clientCredentials(clientCredentials))
        .expectErrorSatisfies(error -> assertThat(((GraphException) error).status().value()).isEqualTo(403))
        .verify();
  }
}
