package org.quartermaster.directory.devidentity;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.quartermaster.directory.users.application.UserService;
import org.quartermaster.platform.web.GraphException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /dev/token} for scripts and tests, and the JWKS the services validate against. When
 * the dev issuer is off both answer 403, so a production deployment can never mint tokens.
 */
@RestController
@RequestMapping("/dev")
public class DevTokenController {

  private final DevIdentityProperties properties;
  private final UserService users;
  private final DevTokenIssuer issuer;

  public DevTokenController(DevIdentityProperties properties, UserService users,
      org.springframework.beans.factory.ObjectProvider<DevTokenIssuer> issuer) {
    this.properties = properties;
    this.users = users;
    this.issuer = issuer.getIfAvailable();
  }

  @PostMapping("/token")
  public Mono<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
    return enabled().then(Mono.defer(() -> users.get(request.user())))
        .map(user -> new TokenResponse(issuer.issue(user), "Bearer", issuer.lifetimeSeconds()));
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

  /** @param user a userPrincipalName or a user id */
  public record TokenRequest(@NotBlank(message = "is required") String user) {
  }

  /** The OAuth2 token response shape scripts expect. */
  public record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn) {
  }
}
