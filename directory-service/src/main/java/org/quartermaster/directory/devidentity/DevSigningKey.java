package org.quartermaster.directory.devidentity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/** The dev issuer's RSA key: loaded from its file when there is one, else generated (and saved if a file is named). */
public record DevSigningKey(RSAKey key) {

  public static DevSigningKey loadOrCreate(Path file) {
    try {
      if (file != null && Files.exists(file)) {
        return new DevSigningKey(RSAKey.parse(Files.readString(file)));
      }
      RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      if (file != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, generated.toJSONString());
      }
      return new DevSigningKey(generated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the dev signing key " + file, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("the dev signing key in " + file + " is unusable", e);
    }
  }

  /** Only the public half is ever published. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }
}
