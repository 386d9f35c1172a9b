package org.quartermaster.provisioning.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provisioning service's own settings, under {@code quartermaster.provisioning}.
 *
 * @param directory the built-in directory connector
 * @param operations how pending grants and revokes are run and retried
 * @param expiry how often expiry timers are checked
 */
@ConfigurationProperties("quartermaster.provisioning")
public record ProvisioningProperties(@DefaultValue Directory directory, @DefaultValue Operations operations,
    @DefaultValue Expiry expiry) {

  /**
   * @param baseUrl where the directory's Graph API is, e.g. {@code http://directory-service:8081}
   * @param clientRegistrationId the {@code spring.security.oauth2.client.registration.<id>} whose client-credentials
   *     token the connector sends
   * @param principalId the object id the directory records as the actor of the connector's writes (the token's
   *     {@code oid}); unset means the dev issuer's id for the registration's client id
   */
  public record Directory(@DefaultValue("http://localhost:8081") URI baseUrl,
      @DefaultValue("directory") String clientRegistrationId, String principalId,
      @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout) {
  }

  /**
   * @param pollInterval the backstop when no commit wakes the worker
   * @param initialBackoff the wait before the first retry of an operation a system could not carry out yet
   * @param maxBackoff the longest wait between retries; retries never stop
   * @param workers operations run at once by one instance
   */
  public record Operations(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("500ms") Duration initialBackoff,
      @DefaultValue("1m") Duration maxBackoff, @DefaultValue("4") int workers) {
  }

  /** @param pollInterval how often due expiry timers are looked for, on the service's clock */
  public record Expiry(@DefaultValue("1s") Duration pollInterval) {
  }
}
