package org.quartermaster.extension.definitions.domain;

import java.util.Map;

/**
 * Quartermaster's {@code #quartermaster.oauth2ClientCredentials} authentication: the gateway obtains a bearer token
 * with the OAuth2 client-credentials grant and sends it with every callout.
 */
public record ClientCredentials(String tokenUrl, String clientId, String clientSecret, String scope) {

  public static final String ODATA_TYPE = "#quartermaster.oauth2ClientCredentials";

  /** The client-credentials settings inside an authenticationConfiguration, if it is of that kind. */
  public static ClientCredentials of(Map<String, Object> authentication) {
    if (authentication == null || !ODATA_TYPE.equals(authentication.get("@odata.type"))) {
      return null;
    }
    return new ClientCredentials(string(authentication, "tokenUrl"), string(authentication, "clientId"),
        string(authentication, "clientSecret"), string(authentication, "scope"));
  }

  private static String string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? null : value.toString();
  }
}
