package org.quartermaster.gateway;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives each request the {@code request-id} Graph clients log, reusing the client's
 * {@code client-request-id} when it sent one, and passes it to the owning service. A web filter
 * rather than a gateway filter, because gateway filters skip paths no route matches, and those
 * 404s need an id too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

  static final String REQUEST_ID = "request-id";
  static final String CLIENT_REQUEST_ID = "client-request-id";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String clientId = exchange.getRequest().getHeaders().getFirst(CLIENT_REQUEST_ID);
    String id = clientId != null && !clientId.isBlank() ? clientId : UUID.randomUUID().toString();
    ServerWebExchange withId = exchange.mutate()
        .request(request -> request.headers(headers -> headers.set(REQUEST_ID, id)))
        .build();
    exchange.getAttributes().put(REQUEST_ID, id);
    // The service echoes the id itself; the gateway adds it only to answers the service did not give.
    withId.getResponse().beforeCommit(() -> {
      if (!withId.getResponse().getHeaders().containsHeader(REQUEST_ID)) {
        withId.getResponse().getHeaders().set(REQUEST_ID, id);
      }
      return Mono.empty();
    });
    return chain.filter(withId);
  }
}
