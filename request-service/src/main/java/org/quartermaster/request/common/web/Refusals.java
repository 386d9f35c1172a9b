package org.quartermaster.request.common.web;

import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.NotAllowed;
import org.quartermaster.request.common.domain.NotFound;
import org.quartermaster.request.common.domain.NotSupported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives the domain's refusals their Graph status: a clash with the current state is 409, a caller the rules exclude
 * 403, something unknown 404, a value not implemented yet 400 notSupported, any other rule 400. The bulk endpoint
 * reports each item's refusal the same way.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class Refusals implements WebFilter {

  private static final Logger log = LoggerFactory.getLogger(Refusals.class);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return chain.filter(exchange).onErrorMap(RuleViolation.class, Refusals::translate);
  }

  /** The Graph error a failure stands for; anything unexpected is a 500 and logged, since it is a bug. */
  public static GraphException translate(Throwable failure) {
    if (failure instanceof GraphException graph) {
      return graph;
    }
    if (failure instanceof Conflict) {
      return GraphException.conflict(failure.getMessage());
    }
    if (failure instanceof NotAllowed) {
      return GraphException.forbidden(failure.getMessage());
    }
    if (failure instanceof NotFound) {
      return new GraphException(HttpStatus.NOT_FOUND, "itemNotFound", failure.getMessage());
    }
    if (failure instanceof NotSupported) {
      return new GraphException(HttpStatus.BAD_REQUEST, "notSupported", failure.getMessage());
    }
    if (failure instanceof RuleViolation) {
      return GraphException.badRequest(failure.getMessage());
    }
    log.error("unexpected failure", failure);
    return new GraphException(HttpStatus.INTERNAL_SERVER_ERROR, "generalException", "An internal error occurred.");
  }
}
