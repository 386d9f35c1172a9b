package org.quartermaster.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link GraphError} as the response; shared by the exception handler and the security entry points. */
public class GraphErrorWriter {

  private final JsonMapper json;
  private final Clock clock;

  public GraphErrorWriter(JsonMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String message) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    GraphError error = GraphError.of(code, message, RequestIds.of(exchange),
        exchange.getRequest().getHeaders().getFirst(RequestIds.CLIENT_REQUEST_ID),
        clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    byte[] body = json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
