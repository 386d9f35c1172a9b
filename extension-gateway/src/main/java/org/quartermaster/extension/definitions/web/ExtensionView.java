package org.quartermaster.extension.definitions.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.quartermaster.extension.definitions.domain.CustomWorkflowExtension;
import org.quartermaster.extension.definitions.domain.ExtensionDefinition;

/**
 * An extension as Graph shows it, with its subtype's {@code @odata.type}. A client secret given for
 * Quartermaster's client-credentials authentication is never shown back, and neither is the signing secret, except
 * in the answer to the POST that created it.
 */
final class ExtensionView {

  private ExtensionView() {
  }

  static Map<String, Object> of(CustomWorkflowExtension extension) {
    ExtensionDefinition definition = extension.definition();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("@odata.type", definition.kind().odataType());
    view.put("id", extension.id().toString());
    view.put("displayName", definition.displayName());
    view.put("description", definition.description());
    view.put("createdBy", extension.createdBy());
    view.put("createdDateTime", extension.createdAt().toString());
    view.put("lastModifiedBy", extension.modifiedBy());
    view.put("lastModifiedDateTime", extension.modifiedAt().toString());
    view.put("endpointConfiguration", definition.endpointConfiguration());
    Map<String, Object> authentication = null;
    if (definition.authenticationConfiguration() != null) {
      authentication = new LinkedHashMap<>(definition.authenticationConfiguration());
      authentication.remove("clientSecret");
    }
    view.put("authenticationConfiguration", authentication);
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("@odata.type", "#microsoft.graph.customExtensionClientConfiguration");
    client.put("timeoutInMilliseconds", definition.timeoutInMilliseconds());
    client.put("maximumRetries", definition.maximumRetries());
    view.put("clientConfiguration", client);
    Map<String, Object> callback = null;
    if (definition.callbackTimeout() != null) {
      callback = new LinkedHashMap<>();
      callback.put("@odata.type", "#microsoft.graph.customExtensionCallbackConfiguration");
      callback.put("timeoutDuration", definition.callbackTimeout().toString());
      callback.put("durationBeforeTimeout", definition.callbackTimeout().toString());
    }
    view.put("callbackConfiguration", callback);
    return view;
  }

  /** Beta's customAccessPackageWorkflowExtension: the same entity under beta's name for the request workflow kind. */
  static Map<String, Object> beta(CustomWorkflowExtension extension) {
    Map<String, Object> view = of(extension);
    view.put("@odata.type", "#microsoft.graph." + ExtensionBody.BETA_TYPE);
    return view;
  }
}
