package org.quartermaster.directory.devidentity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
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

  public long lifetimeSeconds() {
    return properties.tokenLifetime().toSeconds();
  }

  public JWKSet publicKeys() {
    return key.publicKeys();
  }
}
