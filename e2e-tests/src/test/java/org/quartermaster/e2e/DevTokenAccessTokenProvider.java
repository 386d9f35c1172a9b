package org.quartermaster.e2e;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import java.net.URI;
import java.util.Map;

/**
 * Hands the Graph SDK the token the system's dev endpoint issued. Only the devstack's host gets it:
 * Kiota's {@link AllowedHostsValidator} keeps a bearer token from leaking to any other host.
 */
final class DevTokenAccessTokenProvider implements AccessTokenProvider {

  private final String token;
  private final AllowedHostsValidator allowedHosts;

  DevTokenAccessTokenProvider(String token, String host) {
    this.token = token;
    this.allowedHosts = new AllowedHostsValidator(host);
  }

  @Override
  public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
    return allowedHosts.isUrlHostValid(uri) ? token : "";
  }

  @Override
  public AllowedHostsValidator getAllowedHostsValidator() {
    return allowedHosts;
  }
}
