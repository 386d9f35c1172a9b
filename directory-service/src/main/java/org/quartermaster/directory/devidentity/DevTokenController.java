package org.quartermaster.directory.devidentity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.quartermaster.directory.users.application.UserService;
import org.quartermaster.platform.web.GraphException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /dev/token} for scripts and tests, and the JWKS the services validate against. When
 * the dev issuer is off both answer 403, so a production deployment can never mint tokens.
 *
 * <p>The same path is a minimal OAuth2 token endpoint for services: a form-encoded client-credentials request from a
 * configured client gets an app-only token, so a service's standard OAuth2 client works here as it would against
 * Keycloak or Entra ID.
 */
@RestController
@RequestMapping("/dev")
public class DevTokenController {

  static final String CLIENT_CREDENTIALS = "client_credentials";

  private final DevIdentityProperties properties;
  private final UserService users;
  private final DevTokenIssuer issuer;

  public DevTokenController(DevIdentityProperties properties, UserService users, ObjectProvider<DevTokenIssuer> issuer) {
    this.properties = properties;
    this.users = users;
    this.issuer = issuer.getIfAvailable();
  }

  @PostMapping("/token")
  public Mono<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
    return enabled().then(Mono.defer(() -> users.get(request.user())))
        .map(user -> new TokenResponse(issuer.issue(user), "Bearer", issuer.lifetimeSeconds(), null));
  }

  /**
   * RFC 6749 §4.4: {@code grant_type=client_credentials}, the client authenticated by HTTP Basic (Spring's default)
   * or by {@code client_id}/{@code client_secret} in the form.
   */
  @PostMapping(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public Mono<TokenResponse> clientCredentials(ServerWebExchange exchange) {
    return enabled().then(exchange.getFormData())
        .map(form -> {
          if (!CLIENT_CREDENTIALS.equals(form.getFirst("grant_type"))) {
            throw new GraphException(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                "The dev issuer accepts grant_type=client_credentials only; users get tokens with {\"user\": ...} as JSON.");
          }
          String[] credentials = credentials(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION), form);
          DevIdentityProperties.Client client = properties.clients().get(credentials[0]);
          if (client == null || client.secret() == null || !sameSecret(client.secret(), credentials[1])) {
            // One answer for an unknown client and a wrong secret, so the endpoint does not reveal which clients exist.
            throw new GraphException(HttpStatus.UNAUTHORIZED, "invalid_client",
                "Client authentication failed: unknown client or wrong secret.");
          }
          return new TokenResponse(issuer.issueForClient(credentials[0], client.scopes()), "Bearer",
              issuer.lifetimeSeconds(), client.scopes());
        });
  }

  @GetMapping("/jwks.json")
  public Mono<Map<String, Object>> jwks() {
    return enabled().then(Mono.fromSupplier(() -> issuer.publicKeys().toJSONObject()));
  }

  private Mono<Void> enabled() {
    return properties.enabled() && issuer != null ? Mono.empty()
        : Mono.error(new GraphException(HttpStatus.FORBIDDEN, "accessDenied",
            "Dev tokens are disabled in this deployment; use the configured OIDC issuer."));
  }

  /** {client id, secret}; RFC 6749 §2.3.1 form-encodes both inside the Basic credentials. */
  static String[] credentials(String authorization, MultiValueMap<String, String> form) {
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw invalidClient();
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw invalidClient();
      }
      return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }
    String clientId = form.getFirst("client_id");
    String secret = form.getFirst("client_secret");
    if (clientId == null || secret == null) {
      throw invalidClient();
    }
    return new String[] {clientId, secret};
  }

  private static GraphException invalidClient() {
    return new GraphException(HttpStatus.UNAUTHORIZED, "invalid_client",
        "Client authentication failed: send client_id and client_secret, or HTTP Basic credentials.");
  }

  private static boolean sameSecret(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** @param user a userPrincipalName or a user id */
  public record TokenRequest(@NotBlank(message = "is required") String user) {
  }

  /** The OAuth2 token response shape scripts and OAuth2 clients expect; {@code scope} only for client tokens. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn,
      String scope) {
  }
}
