package org.quartermaster.extension.common.web;

import org.quartermaster.platform.security.Caller;
import org.quartermaster.platform.security.Scopes;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Graph's entitlement-management permissions: reading needs either scope, writing needs ReadWrite. */
public final class EntitlementScopes {

  public static final String READ_ALL = "EntitlementManagement.Read.All";
  public static final String READ_WRITE_ALL = "EntitlementManagement.ReadWrite.All";

  private EntitlementScopes() {
  }

  public static Mono<Caller> read() {
    return Scopes.requireAny(READ_ALL, READ_WRITE_ALL);
  }

  public static Mono<Caller> write() {
    return Scopes.requireAny(READ_WRITE_ALL);
  }

  /** Whether the current token is app-only (Entra ID and the dev issuer mark those with {@code idtyp=app}). */
  public static Mono<Boolean> isAppOnly() {
    return ReactiveSecurityContextHolder.getContext()
        .map(context -> context.getAuthentication())
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(authentication -> "app".equals(((JwtAuthenticationToken) authentication).getToken().getClaimAsString("idtyp")))
        .defaultIfEmpty(false);
  }
}
