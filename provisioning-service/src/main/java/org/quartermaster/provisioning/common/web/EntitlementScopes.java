package org.quartermaster.provisioning.common.web;

import org.quartermaster.platform.security.Caller;
import org.quartermaster.platform.security.Scopes;
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
}
