package org.quartermaster.directory.devidentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.web.GraphException;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.test.StepVerifier;

/** Outside the devstack the dev issuer is off, and its endpoints refuse rather than mint tokens. */
class DevTokenControllerTest {

  @Test
  void tokensAndKeysAreRefusedWhenTheDevIssuerIsDisabled() {
    DevIdentityProperties disabled = new DevIdentityProperties(false, "quartermaster-dev", null, Duration.ofHours(1), "x");
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
  }
}
