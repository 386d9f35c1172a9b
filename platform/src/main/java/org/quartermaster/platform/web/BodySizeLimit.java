package org.quartermaster.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared oversized body before reading it; a chunked one is stopped by the codec
 * limit, which the error handler also reports as 413.
 */
public class BodySizeLimit implements WebFilter {

  private final long maxBytes;
  private final GraphErrorWriter writer;

  public BodySizeLimit(long maxBytes, GraphErrorWriter writer) {
    this.maxBytes = maxBytes;
    this.writer = writer;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long declared = exchange.getRequest().getHeaders().getContentLength();
    if (declared > maxBytes) {
      return writer.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "requestEntityTooLarge",
          "The request body has " + declared + " bytes; at most " + maxBytes + " are accepted.");
    }
    return chain.filter(exchange);
  }
}
