package org.quartermaster.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the gateway's routes from {@link ServiceRoutes} and the configured service addresses. */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

  @Bean
  RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    for (Map.Entry<String, List<String>> service : ServiceRoutes.paths().entrySet()) {
      URI target = properties.services().get(service.getKey());
      if (target == null) {
        continue;
      }
      routes.route(service.getKey(), route -> route
          .path(service.getValue().toArray(String[]::new))
          // Services build @odata.context and nextLink from Host, which must be the gateway's.
          .filters(filters -> filters.preserveHostHeader())
          .uri(target));
    }
    return routes.build();
  }
}
