package org.quartermaster.platform.web;

import java.time.Clock;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ReactorResourceFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Graph wire conventions shared by every service's HTTP API. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  /** Graph accepts at most a few MB per request; entitlement payloads are far smaller. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  @Bean
  JsonMapperBuilderCustomizer graphJsonConventions() {
    return builder -> builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .addHandler(new ODataAnnotationTolerance());
  }

  @Bean
  CodecCustomizer graphBodyLimit() {
    return configurer -> configurer.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES);
  }

  /**
   * Netty event loops of this application alone. Boot otherwise shares the JVM-wide loops and shuts them down when
   * any context closes, which in the devstack (several services in one JVM) would stop every other service's server.
   */
  @Bean
  ReactorResourceFactory reactorResourceFactory() {
    ReactorResourceFactory resources = new ReactorResourceFactory();
    resources.setUseGlobalResources(false);
    resources.setShutdownQuietPeriod(java.time.Duration.ZERO);
    return resources;
  }

  @Bean
  GraphErrorWriter graphErrorWriter(JsonMapper json, Clock clock) {
    return new GraphErrorWriter(json, clock);
  }

  /** Runs before Spring Boot's own handler (order -1), which would answer in its own format. */
  @Bean
  @Order(-2)
  GraphErrorHandler graphErrorHandler(GraphErrorWriter writer) {
    return new GraphErrorHandler(writer);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  RequestIds requestIds() {
    return new RequestIds();
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  BodySizeLimit bodySizeLimit(GraphErrorWriter writer) {
    return new BodySizeLimit(MAX_BODY_BYTES, writer);
  }

  @Bean
  GraphCollections graphCollections(org.quartermaster.platform.config.PlatformProperties properties) {
    return new GraphCollections(properties.paging().defaultPageSize());
  }
}
