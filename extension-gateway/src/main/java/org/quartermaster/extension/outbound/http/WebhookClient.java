package org.quartermaster.extension.outbound.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.quartermaster.extension.config.ExtensionProperties;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * POSTs a callout and answers the endpoint's status. At most {@code max-response-bytes} of the answer are read
 * (nothing in it is used, and an endpoint must not be able to make the gateway buffer gigabytes); the connection is
 * dropped after that. Redirects are not followed, since the outbound policy checked this URL, not another.
 */
@Component
public class WebhookClient implements AutoCloseable {

  private final ConnectionProvider connections;
  private final HttpClient http;
  private final long maxResponseBytes;

  public WebhookClient(ReactorResourceFactory resources, ExtensionProperties properties) {
    this.connections = ConnectionProvider.builder("extension-callouts").maxConnections(256)
        .pendingAcquireMaxCount(-1).maxIdleTime(Duration.ofSeconds(30)).build();
    this.http = HttpClient.create(connections).runOn(resources.getLoopResources()).followRedirect(false);
    this.maxResponseBytes = properties.outbound().maxResponseBytes();
  }

  /** The endpoint's HTTP status; fails with the transport's error (timeout, refused connection, reset) otherwise. */
  public Mono<Integer> post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
    return http
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
        .responseTimeout(timeout)
        .headers(h -> {
          headers.forEach(h::set);
          h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        })
        .post()
        .uri(uri)
        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
        .response((response, content) -> content
            .scan(0L, (read, buffer) -> read + buffer.readableBytes())
            .takeUntil(read -> read >= maxResponseBytes)
            .then(Mono.just(response.status().code())))
        .next()
        .timeout(timeout.plusMillis(timeout.toMillis()));
  }

  @Override
  public void close() {
    connections.dispose();
  }
}
