package org.quartermaster.extension.outbound.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quartermaster.extension.config.ExtensionProperties;
import org.quartermaster.extension.definitions.domain.ClientCredentials;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Bearer tokens for extensions with Quartermaster's client-credentials authentication: one per token URL, client and
 * scope, cached until a minute before it expires. Callouts run side by side, so concurrent callers of one key share a
 * single grant in flight instead of each asking the token endpoint.
 */
@Component
public class TokenClient {

  /** A token is renewed this long before its endpoint says it expires. */
  private static final Duration MARGIN = Duration.ofSeconds(60);

  private final WebClient web;
  private final Duration timeout;
  private final Map<String, Mono<String>> tokens = new ConcurrentHashMap<>();

  private record Token(String value, Duration lifetime) {
  }

  public TokenClient(ReactorResourceFactory resources, ExtensionProperties properties) {
    this.web = WebClient.builder()
        .clientConnector(new ReactorClientHttpConnector(HttpClient.create().runOn(resources.getLoopResources())))
        .build();
    this.timeout = properties.outbound().tokenTimeout();
  }

  public Mono<String> token(ClientCredentials credentials) {
    String key = credentials.tokenUrl() + "|" + credentials.clientId() + "|" + credentials.scope();
    // The cached Mono replays one grant to every subscriber until its lifetime (less the margin) runs out, then grants
    // again; a failed grant is not cached. Lifetimes are wall-clock facts, which is what Mono.cache measures.
    return tokens.computeIfAbsent(key, unused -> grant(credentials)
        .cache(token -> positive(token.lifetime().minus(MARGIN)), failure -> Duration.ZERO, () -> Duration.ZERO)
        .map(Token::value));
  }

  @SuppressWarnings("unchecked")
  private Mono<Token> grant(ClientCredentials credentials) {
    String form = "grant_type=client_credentials"
        + "&client_id=" + encode(credentials.clientId())
        + "&client_secret=" + encode(credentials.clientSecret())
        + (credentials.scope() == null ? "" : "&scope=" + encode(credentials.scope()));
    return web.post().uri(credentials.tokenUrl())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue(form)
        .retrieve()
        .bodyToMono(Map.class)
        .timeout(timeout)
        .map(answer -> {
          Object value = answer.get("access_token");
          if (value == null) {
            throw new IllegalStateException("the token endpoint answered without an access_token");
          }
          Object expiresIn = answer.get("expires_in");
          long seconds = expiresIn instanceof Number number ? number.longValue() : 300;
          return new Token(value.toString(), Duration.ofSeconds(seconds));
        });
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
