package org.quartermaster.platform.security;

import java.util.Arrays;
import org.quartermaster.platform.web.GraphException;
import reactor.core.publisher.Mono;

/** Delegated-permission checks: a write needs one of the scopes Graph documents for it. */
public final class Scopes {

  private Scopes() {
  }

  /** The current caller, provided its token carries at least one of the given scopes. */
  public static Mono<Caller> requireAny(String... anyOf) {
    return Callers.current().flatMap(caller -> Arrays.stream(anyOf).anyMatch(caller::hasScope)
        ? Mono.just(caller)
        : Mono.error(GraphException.forbidden("Insufficient privileges to complete the operation: the token needs one of "
            + String.join(", ", anyOf) + ".")));
  }
}
