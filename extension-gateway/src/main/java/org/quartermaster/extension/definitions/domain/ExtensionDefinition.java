package org.quartermaster.extension.definitions.domain;

import java.time.Duration;
import java.util.Map;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * What a client defines for an extension, checked against Graph's rules. Graph allows a client timeout of 200 to
 * 2000 ms and 0 or 1 retries; Quartermaster allows up to {@value #MAX_TIMEOUT_MS} ms and {@value #MAX_RETRIES}
 * retries, since its endpoints are not always Logic Apps that answer within two seconds.
 *
 * @param endpointConfiguration the endpoint as the client sent it, kept as data
 * @param endpointUrl where callouts go: the Logic App's {@code url} or the {@code httpRequestEndpoint}'s
 *     {@code targetUrl}; null when a Logic App was named without its URL, which Quartermaster cannot resolve
 * @param authenticationConfiguration as the client sent it, kept as data; null when absent
 * @param clientCredentials set when the authentication is Quartermaster's OAuth2 client-credentials kind
 * @param callbackTimeout set for launch-and-wait: how long a callout waits for resume
 */
public record ExtensionDefinition(ExtensionKind kind, String displayName, String description,
    Map<String, Object> endpointConfiguration, String endpointUrl, Map<String, Object> authenticationConfiguration,
    ClientCredentials clientCredentials, int timeoutInMilliseconds, int maximumRetries, Duration callbackTimeout) {

  public static final int MIN_TIMEOUT_MS = 200;
  public static final int MAX_TIMEOUT_MS = 30_000;
  public static final int DEFAULT_TIMEOUT_MS = 1000;
  public static final int MAX_RETRIES = 4;
  public static final int DEFAULT_RETRIES = 1;
  public static final Duration MIN_CALLBACK_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration MAX_CALLBACK_TIMEOUT = Duration.ofDays(14);

  public ExtensionDefinition {
    if (displayName == null || displayName.isBlank()) {
      throw new RuleViolation("displayName", "Property 'displayName' is required.");
    }
    if (endpointConfiguration == null) {
      throw new RuleViolation("endpointConfiguration", "Property 'endpointConfiguration' is required.");
    }
    if (timeoutInMilliseconds < MIN_TIMEOUT_MS || timeoutInMilliseconds > MAX_TIMEOUT_MS) {
      throw new RuleViolation("clientConfiguration.timeoutInMilliseconds", "Property 'clientConfiguration.timeoutInMilliseconds'"
          + " must be between " + MIN_TIMEOUT_MS + " and " + MAX_TIMEOUT_MS + ", got " + timeoutInMilliseconds + ".");
    }
    if (maximumRetries < 0 || maximumRetries > MAX_RETRIES) {
      throw new RuleViolation("clientConfiguration.maximumRetries", "Property 'clientConfiguration.maximumRetries' must be"
          + " between 0 and " + MAX_RETRIES + ", got " + maximumRetries + ".");
    }
    if (callbackTimeout != null && kind == ExtensionKind.ASSIGNMENT) {
      throw new RuleViolation("callbackConfiguration", "Property 'callbackConfiguration' is not allowed on an "
          + kind.graphName() + ": pre-expiration extensions cannot wait for a callback.");
    }
    if (callbackTimeout != null
        && (callbackTimeout.compareTo(MIN_CALLBACK_TIMEOUT) < 0 || callbackTimeout.compareTo(MAX_CALLBACK_TIMEOUT) > 0)) {
      throw new RuleViolation("callbackConfiguration.durationBeforeTimeout", "Property "
          + "'callbackConfiguration.durationBeforeTimeout' must be between PT5M and P14D, got " + callbackTimeout + ".");
    }
  }
}
