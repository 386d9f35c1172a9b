package org.quartermaster.provisioning.config;

import org.quartermaster.provisioning.operations.domain.Backoff;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the provisioning settings and derives the value objects the services use. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvisioningProperties.class)
public class ProvisioningConfiguration {

  @Bean
  Backoff operationBackoff(ProvisioningProperties properties) {
    return new Backoff(properties.operations().initialBackoff(), properties.operations().maxBackoff());
  }
}
