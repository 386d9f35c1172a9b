package org.quartermaster.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each service listens. Which paths a service owns is fixed in {@link ServiceRoutes}; only
 * the addresses are deployment settings.
 *
 * @param services service name (as in {@link ServiceRoutes}) to base URI
 * @param retryAfter what a 503 tells clients to wait
 */
@ConfigurationProperties("quartermaster.gateway")
public record GatewayProperties(Map<String, URI> services, @DefaultValue("5s") Duration retryAfter) {

  public GatewayProperties {
    services = services == null ? Map.of() : Map.copyOf(services);
  }
}
