package org.quartermaster.gateway;

import java.net.URI;
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
    int index = 0;
    for (ServiceRoutes.ServiceRoute route : ServiceRoutes.table()) {
      URI target = properties.services().get(route.service());
      if (target == null) {
        continue;
      }
      routes.route(route.service() + "-" + index++, spec -> spec
          .order(route.precedence())
          .path(route.paths().toArray(String[]::new))
          // Services build @odata.context and nextLink from Host, which must be the gateway's.
          .filters(filters -> filters.preserveHostHeader())
          .uri(target));
    }
    return routes.build();
  }
}
