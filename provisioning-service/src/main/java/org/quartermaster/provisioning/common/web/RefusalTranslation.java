package org.quartermaster.provisioning.common.web;

import org.quartermaster.platform.web.GraphException;
import org.quartermaster.provisioning.common.domain.Conflict;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Gives the domain's state conflicts (e.g. reprocessing an expired assignment) their Graph status, 409. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RefusalTranslation implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return chain.filter(exchange).onErrorMap(Conflict.class, conflict -> GraphException.conflict(conflict.getMessage()));
  }
}
