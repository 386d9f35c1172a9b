package org.quartermaster.provisioning.connectors.directory;

import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.quartermaster.provisioning.config.ProvisioningProperties;
import org.quartermaster.provisioning.connectors.domain.ConnectorPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The directory connector's HTTP client: every call carries a bearer token obtained with the OAuth2
 * client-credentials grant of the registration named by {@code quartermaster.provisioning.directory.client-registration-id}
 * (Spring's standard {@code spring.security.oauth2.client.*} settings), so the dev issuer, Keycloak or Entra ID issue
 * it by configuration alone. Tokens are cached and renewed before they expire.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryConnectorConfiguration {

  @Bean
  ReactiveOAuth2AuthorizedClientService directoryClientTokens(ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
    return new InMemoryReactiveOAuth2AuthorizedClientService(required(registrations));
  }

  @Bean
  ReactiveOAuth2AuthorizedClientManager directoryAuthorizedClients(
      ObjectProvider<ReactiveClientRegistrationRepository> registrations, ReactiveOAuth2AuthorizedClientService tokens) {
    AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager =
        new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(required(registrations), tokens);
    manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
    return manager;
  }

  @Bean
  DirectoryConnector directoryConnector(ReactiveOAuth2AuthorizedClientManager clients,
      ReactiveOAuth2AuthorizedClientService tokens, ProvisioningProperties properties) {
    ProvisioningProperties.Directory settings = properties.directory();
    ServerOAuth2AuthorizedClientExchangeFilterFunction bearer = new ServerOAuth2AuthorizedClientExchangeFilterFunction(clients);
    bearer.setDefaultClientRegistrationId(settings.clientRegistrationId());
    // A 401 or 403 drops the cached token, so the retry asks for a new one: the issuer may have changed its key.
    bearer.setAuthorizationFailureHandler(new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler(
        (registrationId, principal, attributes) -> tokens.removeAuthorizedClient(registrationId, principal.getName())));
    HttpClient http = HttpClient.create()
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
        .responseTimeout(settings.responseTimeout());
    WebClient web = WebClient.builder()
        .baseUrl(settings.baseUrl().toString())
        .clientConnector(new ReactorClientHttpConnector(http))
        .filter(bearer)
        .build();
    // The token request comes on top of the call; both together stay bounded.
    Duration timeout = settings.connectTimeout().multipliedBy(2).plus(settings.responseTimeout().multipliedBy(2));
    return new DirectoryConnector(web, settings.baseUrl(), timeout);
  }

  private static ReactiveClientRegistrationRepository required(
      ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
    return registrations.getIfAvailable(() -> {
      throw new IllegalStateException("provisioning-service needs an OAuth2 client registration for the directory: set "
          + "spring.security.oauth2.client.registration.directory.client-id, .client-secret and "
          + "spring.security.oauth2.client.provider.directory.token-uri");
    });
  }

  /**
   * The directory names the writer of a membership by its token's {@code oid}. Unless configured, that is the dev
   * issuer's service principal for the registration's client id.
   */
  @Bean
  ConnectorPrincipal connectorPrincipal(ObjectProvider<ReactiveClientRegistrationRepository> registrations,
      ProvisioningProperties properties) {
    if (properties.directory().principalId() != null && !properties.directory().principalId().isBlank()) {
      return new ConnectorPrincipal(properties.directory().principalId());
    }
    ReactiveClientRegistrationRepository repository = registrations.getIfAvailable();
    ClientRegistration registration = repository == null ? null
        : repository.findByRegistrationId(properties.directory().clientRegistrationId()).block(Duration.ofSeconds(5));
    if (registration == null) {
      throw new IllegalStateException("No OAuth2 client registration '" + properties.directory().clientRegistrationId()
          + "' (spring.security.oauth2.client.registration." + properties.directory().clientRegistrationId() + ".*)");
    }
    return new ConnectorPrincipal(UUID.nameUUIDFromBytes(("client:" + registration.getClientId())
        .getBytes(StandardCharsets.UTF_8)).toString());
  }
}
