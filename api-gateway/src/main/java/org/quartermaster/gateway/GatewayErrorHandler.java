package org.quartermaster.gateway;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers in Graph's error format when the gateway itself fails: an unreachable or slow service
 * becomes 503/504 with Retry-After, an unknown path 404. It never leaves a client hanging.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements WebExceptionHandler {

  private final JsonMapper json;
  private final GatewayProperties properties;

  public GatewayErrorHandler(JsonMapper json, GatewayProperties properties) {
    this.json = json;
    this.properties = properties;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(failure);
    }
    if (isTimeout(failure)) {
      return write(exchange, HttpStatus.GATEWAY_TIMEOUT, "serviceNotAvailable",
          "The owning service did not answer in time; retry later.", true);
    }
    if (isUnreachable(failure)) {
      return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "serviceNotAvailable",
          "The service that owns " + exchange.getRequest().getPath() + " is unavailable; retry later.", true);
    }
    if (failure instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
      return write(exchange, HttpStatus.NOT_FOUND, "itemNotFound",
          "No resource matches the path " + exchange.getRequest().getPath() + ".", false);
    }
    if (failure instanceof ResponseStatusException status && status.getStatusCode().value() == 503) {
      return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "serviceNotAvailable",
          "The service that owns " + exchange.getRequest().getPath() + " is unavailable; retry later.", true);
    }
    return Mono.error(failure);
  }

  private static boolean isTimeout(Throwable failure) {
    for (Throwable current = failure; current != null; current = current.getCause()) {
      if (current instanceof TimeoutException
          || (current instanceof ResponseStatusException status && status.getStatusCode().value() == 504)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnreachable(Throwable failure) {
    for (Throwable current = failure; current != null; current = current.getCause()) {
      if (current instanceof ConnectException
          || current.getClass().getName().contains("PrematureCloseException")
          || current.getClass().getName().contains("ConnectTimeoutException")) {
        return true;
      }
    }
    return false;
  }

  private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String message, boolean retry) {
    String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID);
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("request-id", requestId);
    inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("innerError", inner);
    byte[] body = json.writeValueAsString(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    if (retry) {
      response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
    }
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
