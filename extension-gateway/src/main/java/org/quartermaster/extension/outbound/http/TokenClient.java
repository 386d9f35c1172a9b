package org.quartermaster.extension.outbound.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * scope, cached until a minute before it expires.
 */
@Component
public class TokenClient {

  private final WebClient web;
  private final Duration timeout;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  private record Token(String value, Instant expiresAt) {
  }

  public TokenClient(ReactorResourceFactory resources, ExtensionProperties properties) {
    this.web = WebClient.builder()
        .clientConnector(new ReactorClientHttpConnector(HttpClient.create().runOn(resources.getLoopResources())))
        .build();
    this.timeout = properties.outbound().tokenTimeout();
  }

  @SuppressWarnings("unchecked")
  public Mono<String> token(ClientCredentials credentials) {
    String key = credentials.tokenUrl() + "|" + credentials.clientId() + "|" + credentials.scope();
    Token cached = cache.get(key);
    Instant now = Instant.now();
    if (cached != null && cached.expiresAt().isAfter(now.plusSeconds(60))) {
      return Mono.just(cached.value());
    }
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
          // Token lifetimes are wall-clock facts, so the cache uses the wall clock, not the service's clock.
          cache.put(key, new Token(value.toString(), Instant.now().plusSeconds(seconds)));
          return value.toString();
        });
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
