package org.quartermaster.extension.definitions.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.quartermaster.extension.definitions.domain.ClientCredentials;
import org.quartermaster.extension.definitions.domain.ExtensionDefinition;
import org.quartermaster.extension.definitions.domain.ExtensionKind;
import org.quartermaster.extension.outbound.domain.OutboundPolicy;
import org.quartermaster.extension.outbound.domain.OutboundRefused;
import org.quartermaster.platform.domain.RuleViolation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a customCalloutExtension body by hand: its endpoint and authentication are polymorphic by
 * {@code @odata.type}, and every refusal must name the property at fault. The docs' examples wrap the entity in
 * {@code {"value": …}}; that is tolerated. Beta's older collection has two tolerances of its own, see {@link Route#BETA}.
 */
final class ExtensionBody {

  /** The collection a body is sent to. */
  enum Route {
    /** v1.0 {@code catalogs/{id}/customWorkflowExtensions}: {@code @odata.type} names the kind on POST. */
    V1,
    /**
     * Beta {@code accessPackageCatalogs/{id}/customAccessPackageWorkflowExtensions}, which holds request workflow
     * extensions only (beta's {@code customAccessPackageWorkflowExtension}). Seed 002 section 7's cmdlet body sends no
     * {@code @odata.type}, so none means that kind; and it puts its {@code logicAppTriggerEndpointConfiguration} under
     * {@code authenticationConfiguration}, so such an object there, with no {@code endpointConfiguration}, is taken as
     * the endpoint: an authentication cannot be of that type, so nothing else could have been meant.
     */
    BETA
  }

  static final String BETA_TYPE = "customAccessPackageWorkflowExtension";

  private static final Set<String> KNOWN = Set.of("id", "displayName", "description", "endpointConfiguration",
      "authenticationConfiguration", "clientConfiguration", "callbackConfiguration", "createdBy", "createdDateTime",
      "lastModifiedBy", "lastModifiedDateTime");
  private static final String LOGIC_APP = "logicAppTriggerEndpointConfiguration";
  private static final String HTTP_REQUEST = "httpRequestEndpoint";
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

  private ExtensionBody() {
  }

  /** @param existingKind the kind of the extension a PUT replaces; null for POST, where {@code @odata.type} is required */
  static ExtensionDefinition parse(JsonNode body, ExtensionKind existingKind, JsonMapper json) {
    return parse(body, existingKind, Route.V1, json);
  }

  /** @param existingKind the kind of the extension a PUT replaces; null for POST */
  static ExtensionDefinition parse(JsonNode body, ExtensionKind existingKind, Route route, JsonMapper json) {
    JsonNode root = body;
    if (root != null && root.isObject() && root.size() == 1 && root.path("value").isObject()) {
      root = root.path("value");
    }
    if (root == null || !root.isObject()) {
      throw new RuleViolation("body", "The request body must be a JSON object.");
    }
    for (String name : root.propertyNames()) {
      if (!KNOWN.contains(name) && !name.startsWith("@odata.")) {
        throw new RuleViolation(name, "Unknown property '" + name + "' in the request body.");
      }
    }
    String odataType = optionalString(root, "@odata.type");
    ExtensionKind kind = route == Route.BETA ? betaKind(odataType)
        : odataType == null && existingKind != null ? existingKind : ExtensionKind.ofODataType(odataType);

    String displayName = optionalString(root, "displayName");
    String description = optionalString(root, "description");

    JsonNode endpointNode = root.get("endpointConfiguration");
    JsonNode authNode = root.get("authenticationConfiguration");
    if (route == Route.BETA && (endpointNode == null || endpointNode.isNull()) && authNode != null && authNode.isObject()
        && LOGIC_APP.equals(graphType(authNode.path("@odata.type").isString()
            ? authNode.path("@odata.type").stringValue() : null))) {
      endpointNode = authNode;
      authNode = null;
    }
    if (endpointNode == null || endpointNode.isNull()) {
      throw new RuleViolation("endpointConfiguration", "Property 'endpointConfiguration' is required.");
    }
    requireObject(endpointNode, "endpointConfiguration");
    String endpointType = graphType(optionalString(endpointNode, "@odata.type"));
    String endpointUrl;
    if (LOGIC_APP.equals(endpointType)) {
      for (String property : new String[] {"subscriptionId", "resourceGroupName", "logicAppWorkflowName"}) {
        optionalString(endpointNode, property, "endpointConfiguration." + property);
      }
      endpointUrl = optionalString(endpointNode, "url", "endpointConfiguration.url");
      if (endpointUrl != null) {
        checkUrl(endpointUrl, "endpointConfiguration.url");
      }
    } else if (HTTP_REQUEST.equals(endpointType)) {
      endpointUrl = optionalString(endpointNode, "targetUrl", "endpointConfiguration.targetUrl");
      if (endpointUrl == null) {
        throw new RuleViolation("endpointConfiguration.targetUrl", "Property 'endpointConfiguration.targetUrl' is required"
            + " for an httpRequestEndpoint.");
      }
      checkUrl(endpointUrl, "endpointConfiguration.targetUrl");
    } else {
      throw new RuleViolation("endpointConfiguration.@odata.type", "Property 'endpointConfiguration.@odata.type' must be "
          + "#microsoft.graph." + LOGIC_APP + " or #microsoft.graph." + HTTP_REQUEST + ".");
    }
    Map<String, Object> endpoint = json.convertValue(endpointNode, MAP);

    Map<String, Object> authentication = null;
    ClientCredentials credentials = null;
    if (authNode != null && !authNode.isNull()) {
      requireObject(authNode, "authenticationConfiguration");
      String authType = optionalString(authNode, "@odata.type", "authenticationConfiguration.@odata.type");
      String graphAuth = graphType(authType);
      if (ClientCredentials.ODATA_TYPE.equals(authType)) {
        for (String property : new String[] {"tokenUrl", "clientId", "clientSecret"}) {
          if (optionalString(authNode, property, "authenticationConfiguration." + property) == null) {
            throw new RuleViolation("authenticationConfiguration." + property, "Property 'authenticationConfiguration."
                + property + "' is required for " + ClientCredentials.ODATA_TYPE + ".");
          }
        }
        optionalString(authNode, "scope", "authenticationConfiguration.scope");
        checkUrl(authNode.get("tokenUrl").stringValue(), "authenticationConfiguration.tokenUrl");
      } else if ("azureAdTokenAuthentication".equals(graphAuth)) {
        optionalString(authNode, "resourceId", "authenticationConfiguration.resourceId");
      } else if (!"azureAdPopTokenAuthentication".equals(graphAuth)) {
        throw new RuleViolation("authenticationConfiguration.@odata.type", "Property "
            + "'authenticationConfiguration.@odata.type' must be #microsoft.graph.azureAdTokenAuthentication, "
            + "#microsoft.graph.azureAdPopTokenAuthentication or " + ClientCredentials.ODATA_TYPE + ".");
      }
      authentication = json.convertValue(authNode, MAP);
      authentication.put("@odata.type", ClientCredentials.ODATA_TYPE.equals(authType) ? authType : "#microsoft.graph." + graphAuth);
      credentials = ClientCredentials.of(authentication);
    }

    int timeout = ExtensionDefinition.DEFAULT_TIMEOUT_MS;
    int retries = ExtensionDefinition.DEFAULT_RETRIES;
    JsonNode clientNode = root.get("clientConfiguration");
    if (clientNode != null && !clientNode.isNull()) {
      requireObject(clientNode, "clientConfiguration");
      timeout = optionalInt(clientNode, "timeoutInMilliseconds", timeout);
      retries = optionalInt(clientNode, "maximumRetries", retries);
    }

    Duration callbackTimeout = null;
    JsonNode callbackNode = root.get("callbackConfiguration");
    if (callbackNode != null && !callbackNode.isNull()) {
      requireObject(callbackNode, "callbackConfiguration");
      String duration = optionalString(callbackNode, "durationBeforeTimeout", "callbackConfiguration.durationBeforeTimeout");
      if (duration == null) {
        duration = optionalString(callbackNode, "timeoutDuration", "callbackConfiguration.timeoutDuration");
      }
      if (duration == null) {
        throw new RuleViolation("callbackConfiguration.durationBeforeTimeout", "Property "
            + "'callbackConfiguration.durationBeforeTimeout' (or timeoutDuration) is required in a callbackConfiguration.");
      }
      try {
        callbackTimeout = Duration.parse(duration.trim());
      } catch (DateTimeParseException e) {
        throw new RuleViolation("callbackConfiguration.durationBeforeTimeout", "Property "
            + "'callbackConfiguration.durationBeforeTimeout' must be an ISO-8601 duration such as PT1H, got '" + duration + "'.");
      }
    }
    return new ExtensionDefinition(kind, displayName, description, endpoint, endpointUrl, authentication, credentials,
        timeout, retries, callbackTimeout);
  }

  /**
   * Beta's collection holds the request workflow kind: no type, beta's own type name or v1.0's name of that kind. The
   * pre-expiration kind has no place in it.
   */
  private static ExtensionKind betaKind(String odataType) {
    if (odataType == null || BETA_TYPE.equals(graphType(odataType))) {
      return ExtensionKind.REQUEST;
    }
    ExtensionKind kind = ExtensionKind.ofODataType(odataType);
    if (kind != ExtensionKind.REQUEST) {
      throw new RuleViolation("@odata.type", "Property '@odata.type' is " + odataType + ", but beta's "
          + "customAccessPackageWorkflowExtensions hold request workflow extensions only (#microsoft.graph." + BETA_TYPE
          + "); create an " + kind.graphName() + " under v1.0 catalogs/{id}/customWorkflowExtensions.");
    }
    return kind;
  }

  private static void checkUrl(String url, String property) {
    try {
      OutboundPolicy.parse(url);
    } catch (OutboundRefused refused) {
      throw new RuleViolation(property, "Property '" + property + "': " + refused.getMessage());
    }
  }

  /** {@code #microsoft.graph.x} → {@code x}; anything else is returned as it is. */
  private static String graphType(String odataType) {
    return odataType == null ? null : odataType.replaceFirst("^#?microsoft\\.graph\\.", "");
  }

  private static void requireObject(JsonNode node, String property) {
    if (!node.isObject()) {
      throw new RuleViolation(property, "Property '" + property + "' has the wrong type: expected an object.");
    }
  }

  private static String optionalString(JsonNode node, String name) {
    return optionalString(node, name, name);
  }

  private static String optionalString(JsonNode node, String name, String property) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new RuleViolation(property, "Property '" + property + "' has the wrong type: expected a string.");
    }
    return value.stringValue();
  }

  private static int optionalInt(JsonNode node, String name, int fallback) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new RuleViolation("clientConfiguration." + name, "Property 'clientConfiguration." + name
          + "' has the wrong type: expected an integer.");
    }
    return value.intValue();
  }
}
