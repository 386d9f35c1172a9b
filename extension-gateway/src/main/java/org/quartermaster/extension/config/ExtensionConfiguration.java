package org.quartermaster.extension.config;

import org.quartermaster.extension.callouts.domain.RetryPolicy;
import org.quartermaster.extension.outbound.domain.OutboundPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the gateway's settings and derives the value objects the services use. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtensionProperties.class)
public class ExtensionConfiguration {

  @Bean
  OutboundPolicy outboundPolicy(ExtensionProperties properties) {
    return new OutboundPolicy(properties.outbound().allowPrivateNetworks(), properties.outbound().allowedHosts(),
        OutboundPolicy.SYSTEM_RESOLVER);
  }

  @Bean
  RetryPolicy retryPolicy(ExtensionProperties properties) {
    return new RetryPolicy(properties.callouts().initialBackoff(), properties.callouts().maxBackoff());
  }
}
