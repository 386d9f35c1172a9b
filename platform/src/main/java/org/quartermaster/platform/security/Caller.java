package org.quartermaster.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the token's {@code oid}, its {@code upn} when present, and its scopes.
 */
public record Caller(UUID objectId, String userPrincipalName, Set<String> scopes) {

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }
}
