package org.quartermaster.request.common.web;

import org.quartermaster.platform.security.Caller;
import org.quartermaster.platform.security.Scopes;
import org.quartermaster.request.requests.domain.RequestRules;
import org.quartermaster.request.requests.domain.Requester;
import reactor.core.publisher.Mono;

/** Graph's entitlement-management permissions: reading needs either scope, administering needs ReadWrite. */
public final class EntitlementScopes {

  public static final String READ_ALL = "EntitlementManagement.Read.All";
  public static final String READ_WRITE_ALL = RequestRules.ADMIN_PERMISSION;

  private EntitlementScopes() {
  }

  public static Mono<Caller> read() {
    return Scopes.requireAny(READ_ALL, READ_WRITE_ALL);
  }

  public static Mono<Caller> write() {
    return Scopes.requireAny(READ_WRITE_ALL);
  }

  /** The caller as the request rules see them: who, and whether they may make administrator requests. */
  public static Requester requester(Caller caller) {
    return new Requester(caller.objectId(), caller.hasScope(READ_WRITE_ALL));
  }
}
