package org.quartermaster.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Mints tokens the way the dev issuer does, with a key the test owns, so tests can also make the
 * tokens no issuer would: expired, signed by a stranger, or with too few scopes.
 */
public final class DevTokens {

  public static final String ALL_SCOPES = "EntitlementManagement.ReadWrite.All User.ReadWrite.All Group.ReadWrite.All";

  private final RSAKey key;
  private final Path keyFile;
  private final Path publicKeyPem;

  private DevTokens(RSAKey key, Path keyFile, Path publicKeyPem) {
    this.key = key;
    this.keyFile = keyFile;
    this.publicKeyPem = publicKeyPem;
  }

  public static DevTokens create() {
    try {
      RSAKey key = newKey();
      Path directory = Files.createTempDirectory("qm-dev-tokens");
      directory.toFile().deleteOnExit();
      Path keyFile = directory.resolve("dev-signing-key.json");
      Files.writeString(keyFile, key.toJSONString());
      Path pem = directory.resolve("dev-signing-key.pub.pem");
      String encoded = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded());
      Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + encoded + "\n-----END PUBLIC KEY-----\n");
      keyFile.toFile().deleteOnExit();
      pem.toFile().deleteOnExit();
      return new DevTokens(key, keyFile, pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key as JWK JSON, in the format the directory's dev issuer reads from its key file. */
  public Path keyFile() {
    return keyFile;
  }

  public Path publicKeyPem() {
    return publicKeyPem;
  }

  public String forUser(UUID objectId, String userPrincipalName) {
    return custom(claims -> claims.claim("oid", objectId.toString()).claim("upn", userPrincipalName));
  }

  public String expired(UUID objectId) {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    return custom(claims -> claims.claim("oid", objectId.toString())
        .issueTime(Date.from(past)).notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(3600))));
  }

  public String withScopes(UUID objectId, String scopes) {
    return custom(claims -> claims.claim("oid", objectId.toString()).claim("scp", scopes));
  }

  /** A well-formed token whose signature no configured key verifies. */
  public static String signedByStranger(UUID objectId) {
    try {
      return sign(newKey(), defaults().claim("oid", objectId.toString()).build());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String custom(UnaryOperator<JWTClaimsSet.Builder> customizer) {
    return sign(key, customizer.apply(defaults()).build());
  }

  private static JWTClaimsSet.Builder defaults() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("quartermaster-test")
        .subject(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("scp", ALL_SCOPES);
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey newKey() throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
  }
}
