package org.quartermaster.gateway;

import java.time.Duration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The single entry point for {@code /v1.0/**} and {@code /beta/**}. The excluded auto-configurations
 * are absent from the gateway's own classpath; they are named because the devstack runs it in one
 * JVM with the services, whose libraries would otherwise configure a database and security here.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
    "org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration",
    "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
    "org.springframework.boot.r2dbc.autoconfigure.R2dbcProxyAutoConfiguration",
    "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
    "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration"
})
@EnableConfigurationProperties(GatewayProperties.class)
public class ApiGatewayApplication {

  public static final String NAME = "api-gateway";

  /**
   * Netty event loops of the gateway alone. Boot otherwise shares the JVM-wide loops and disposes them when any
   * context closes: in a JVM hosting several stacks (the tests), closing one would silence another's gateway.
   */
  @Bean
  ReactorResourceFactory reactorResourceFactory() {
    ReactorResourceFactory resources = new ReactorResourceFactory();
    resources.setUseGlobalResources(false);
    resources.setShutdownQuietPeriod(Duration.ZERO);
    return resources;
  }

  public static void main(String[] args) {
    application().run(args);
  }

  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(ApiGatewayApplication.class).properties("spring.config.name=" + NAME);
  }
}
