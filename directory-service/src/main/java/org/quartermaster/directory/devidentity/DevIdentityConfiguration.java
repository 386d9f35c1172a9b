package org.quartermaster.directory.devidentity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the dev issuer only when {@code quartermaster.dev-identity.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevIdentityProperties.class)
public class DevIdentityConfiguration {

  @Bean
  @ConditionalOnProperty(name = "quartermaster.dev-identity.enabled", havingValue = "true")
  DevTokenIssuer devTokenIssuer(DevIdentityProperties properties) {
    return new DevTokenIssuer(DevSigningKey.loadOrCreate(properties.keyFile()), properties);
  }
}
