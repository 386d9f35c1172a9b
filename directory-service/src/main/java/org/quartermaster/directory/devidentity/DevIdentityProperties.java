package org.quartermaster.directory.devidentity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token issuer. Off unless the devstack turns it on: anywhere else tokens come
 * from a real OIDC provider.
 *
 * @param keyFile where the signing key is kept, so tokens survive a devstack restart; none means a fresh key per start
 * @param scopes the scopes of a user's token
 * @param clients the services that may obtain a token of their own with the client-credentials grant, by client id
 */
@ConfigurationProperties("quartermaster.dev-identity")
public record DevIdentityProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("quartermaster-dev") String issuer,
    Path keyFile,
    @DefaultValue("1h") Duration tokenLifetime,
    @DefaultValue("EntitlementManagement.ReadWrite.All User.ReadWrite.All Group.ReadWrite.All") String scopes,
    Map<String, Client> clients) {

  public DevIdentityProperties {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
  }

  /**
   * A confidential client, e.g. provisioning-service calling the directory.
   *
   * @param secret what the client authenticates with
   * @param scopes the application permissions its tokens carry, space-separated
   */
  public record Client(String secret, @DefaultValue("Group.ReadWrite.All User.Read.All") String scopes) {
  }
}
