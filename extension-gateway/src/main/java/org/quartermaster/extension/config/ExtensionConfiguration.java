package org.quartermaster.extension.config;

import org.quartermaster.extension.outbound.domain.OutboundPolicy;
import org.quartermaster.platform.domain.Backoff;
import org.quartermaster.platform.work.CommitSignal;
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

  /**
   * When a failed callout attempt is tried again. How many attempts there are is the extension's
   * ({@code 1 + maximumRetries}, at most 5); with the defaults (2 s, 30 s) the last of five attempts starts about 30 s
   * after the first, plus the time the attempts themselves take.
   */
  @Bean
  Backoff calloutRetries(ExtensionProperties properties) {
    return new Backoff(properties.callouts().initialBackoff(), properties.callouts().maxBackoff());
  }

  /**
   * Wakes the callout workers when a transaction that queued callouts commits, so a callout leaves within milliseconds
   * instead of at the next poll. The gateway's own instance: in the devstack other services share the JVM.
   */
  @Bean
  CommitSignal calloutSignal() {
    return new CommitSignal();
  }
}
