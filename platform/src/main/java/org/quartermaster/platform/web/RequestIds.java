package org.quartermaster.platform.web;

import java.util.UUID;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request the id Graph clients log: the gateway's {@code request-id}, else the
 * client's {@code client-request-id}, else a new one; it is echoed in the response headers.
 */
public class RequestIds implements WebFilter {

  public static final String REQUEST_ID = "request-id";
  public static final String CLIENT_REQUEST_ID = "client-request-id";
  private static final String ATTRIBUTE = RequestIds.class.getName();

  public static String of(ServerWebExchange exchange) {
    Object id = exchange.getAttribute(ATTRIBUTE);
    return id != null ? id.toString() : idFrom(exchange.getRequest());
  }

  private static String idFrom(ServerHttpRequest request) {
    String id = request.getHeaders().getFirst(REQUEST_ID);
    if (id == null || id.isBlank()) {
      id = request.getHeaders().getFirst(CLIENT_REQUEST_ID);
    }
    return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = idFrom(exchange.getRequest());
    exchange.getAttributes().put(ATTRIBUTE, id);
    exchange.getResponse().getHeaders().set(REQUEST_ID, id);
    String clientId = exchange.getRequest().getHeaders().getFirst(CLIENT_REQUEST_ID);
    if (clientId != null) {
      exchange.getResponse().getHeaders().set(CLIENT_REQUEST_ID, clientId);
    }
    return chain.filter(exchange)
        .contextWrite(context -> context.put(org.quartermaster.platform.outbox.EventMetadataFactory.CORRELATION_ID, id));
  }
}
