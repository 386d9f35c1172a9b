package org.quartermaster.directory.devidentity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token issuer. Off unless the devstack turns it on: anywhere else tokens come
 * from a real OIDC provider.
 *
 * @param keyFile where the signing key is kept, so tokens survive a devstack restart; none means a fresh key per start
 */
@ConfigurationProperties("quartermaster.dev-identity")
public record DevIdentityProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("quartermaster-dev") String issuer,
    Path keyFile,
    @DefaultValue("1h") Duration tokenLifetime,
    @DefaultValue("EntitlementManagement.ReadWrite.All User.ReadWrite.All Group.ReadWrite.All") String scopes) {
}
