package org.quartermaster.policy.common.web;

import org.quartermaster.policy.common.domain.Conflict;
import org.quartermaster.policy.common.domain.NotSupported;
import org.quartermaster.platform.web.GraphException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives the domain's two special refusals their Graph status: a conflict with the current state is 409, a value not
 * implemented yet is 400 {@code notSupported}. Every other rule violation stays the platform's 400.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RefusalTranslation implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return chain.filter(exchange)
        .onErrorMap(Conflict.class, conflict -> GraphException.conflict(conflict.getMessage()))
        .onErrorMap(NotSupported.class, unsupported ->
            new GraphException(HttpStatus.BAD_REQUEST, "notSupported", unsupported.getMessage()));
  }
}
