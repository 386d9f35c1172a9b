package org.quartermaster.extension.common.web;

import org.quartermaster.extension.common.domain.Conflict;
import org.quartermaster.extension.common.domain.NotAllowed;
import org.quartermaster.extension.common.domain.NotFound;
import org.quartermaster.platform.web.GraphException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Gives the domain's refusals their Graph status: 404, 409 and 403. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RefusalTranslation implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return chain.filter(exchange)
        .onErrorMap(NotFound.class, missing -> new GraphException(HttpStatus.NOT_FOUND, "itemNotFound", missing.getMessage()))
        .onErrorMap(Conflict.class, conflict -> GraphException.conflict(conflict.getMessage()))
        .onErrorMap(NotAllowed.class, refused -> GraphException.forbidden(refused.getMessage()));
  }
}
