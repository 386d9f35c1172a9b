package org.quartermaster.directory.devidentity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.quartermaster.directory.users.domain.User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs RS256 access tokens shaped like Entra ID's: {@code oid}, {@code upn}, {@code scp}. */
public class DevTokenIssuer {

  private final DevSigningKey key;
  private final DevIdentityProperties properties;
  private final NimbusJwtEncoder encoder;
  // Tokens are checked against wall-clock time by every resource server, so they are issued on it too.
  private final Clock wallClock = Clock.systemUTC();

  public DevTokenIssuer(DevSigningKey key, DevIdentityProperties properties) {
    this.key = key;
    this.properties = properties;
    this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.key())));
  }

  public String issue(User user) {
    Instant now = wallClock.instant();
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(properties.issuer())
        .subject(user.id().toString())
        .issuedAt(now)
        .notBefore(now)
        .expiresAt(now.plus(properties.tokenLifetime()))
        .claim("oid", user.id().toString())
        .claim("upn", user.profile().userPrincipalName())
        .claim("name", user.profile().displayName())
        .claim("scp", properties.scopes())
        .build();
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.key().getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  /**
   * A client-credentials token, shaped like an Entra ID app-only token but carrying {@code scp} as the services
   * check it: {@code oid} is the client's service principal, {@code azp} and {@code appid} its client id.
   */
  public String issueForClient(String clientId, String scopes) {
    Instant now = wallClock.instant();
    String principal = servicePrincipalId(clientId).toString();
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(properties.issuer())
        .subject(principal)
        .issuedAt(now)
        .notBefore(now)
        .expiresAt(now.plus(properties.tokenLifetime()))
        .claim("oid", principal)
        .claim("azp", clientId)
        .claim("appid", clientId)
        .claim("idtyp", "app")
        .claim("scp", scopes)
        .build();
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.key().getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  /** Deterministic, so the directory records the same actor for a service across restarts and key changes. */
  public static UUID servicePrincipalId(String clientId) {
    return UUID.nameUUIDFromBytes(("client:" + clientId).getBytes(StandardCharsets.UTF_8));
  }

  public long lifetimeSeconds() {
    return properties.tokenLifetime().toSeconds();
  }

  public JWKSet publicKeys() {
    return key.publicKeys();
  }
}
