package org.quartermaster.platform.security;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.quartermaster.platform.web.GraphException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Reads the {@link Caller} of the current request from its validated token. */
public final class Callers {

  private Callers() {
  }

  public static Mono<Caller> current() {
    return ReactiveSecurityContextHolder.getContext()
        .map(context -> context.getAuthentication())
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(authentication -> from(((JwtAuthenticationToken) authentication).getToken()))
        .switchIfEmpty(Mono.error(new GraphException(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken",
            "Access token is empty.")));
  }

  static Caller from(Jwt token) {
    String oid = token.getClaimAsString("oid");
    if (oid == null) {
      throw new GraphException(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", "The token has no 'oid' claim.");
    }
    UUID objectId;
    try {
      objectId = UUID.fromString(oid);
    } catch (IllegalArgumentException e) {
      throw new GraphException(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", "The token's 'oid' claim is not a GUID.");
    }
    String scp = token.getClaimAsString("scp");
    Set<String> scopes = scp == null ? Set.of()
        : Arrays.stream(scp.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
    return new Caller(objectId, token.getClaimAsString("upn"), scopes);
  }
}
