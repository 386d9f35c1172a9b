package org.quartermaster.provisioning.config;

import org.quartermaster.platform.domain.Backoff;
import org.quartermaster.platform.work.CommitSignal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the provisioning settings and derives the value objects the services use. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvisioningProperties.class)
public class ProvisioningConfiguration {

  /** Operations a target system could not carry out yet are retried on this schedule for as long as it takes. */
  @Bean
  Backoff operationBackoff(ProvisioningProperties properties) {
    return new Backoff(properties.operations().initialBackoff(), properties.operations().maxBackoff());
  }

  /**
   * Wakes the operation worker when a transaction that queued operations commits, so a grant starts within
   * milliseconds instead of at the next poll. This service's own instance: in the devstack other services share the JVM.
   */
  @Bean
  CommitSignal operationSignal() {
    return new CommitSignal();
  }
}
