package org.quartermaster.platform.security;

import org.quartermaster.platform.web.GraphErrorWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Every API call needs a bearer JWT. The issuer and JWKS are Spring's standard resource-server
 * settings, so the dev issuer can be swapped for Keycloak or Entra ID by configuration alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

  @Bean
  SecurityWebFilterChain graphSecurity(ServerHttpSecurity http, GraphErrorWriter errors) {
    ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> errors.write(exchange,
        HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", describe(failure));
    ServerAccessDeniedHandler denied = (exchange, failure) -> errors.write(exchange,
        HttpStatus.FORBIDDEN, "accessDenied", "Insufficient privileges to complete the operation.");
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers("/dev/**", "/actuator/health", "/actuator/health/**").permitAll()
            .anyExchange().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(Customizer.withDefaults())
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(denied))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(denied))
        .build();
  }

  private static String describe(Exception failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    String lower = message.toLowerCase();
    if (lower.contains("not authenticated") || lower.contains("full authentication")) {
      return "Access token is empty.";
    }
    if (message.contains("expired")) {
      return "Lifetime validation failed, the token is expired.";
    }
    if (lower.contains("signature") || message.contains("Signed JWT rejected")) {
      return "Access token validation failure: the signature is invalid.";
    }
    return "Access token validation failure: " + message;
  }
}
