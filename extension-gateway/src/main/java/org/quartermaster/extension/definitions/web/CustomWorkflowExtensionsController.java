package org.quartermaster.extension.definitions.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.extension.common.web.Api;
import org.quartermaster.extension.common.web.EntitlementScopes;
import org.quartermaster.extension.definitions.application.ExtensionService;
import org.quartermaster.platform.web.ODataCollection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code catalogs/{catalogId}/customWorkflowExtensions}: POST (201, with the signing secret once), GET, PUT (full
 * replacement, 200 with the entity as the docs show), DELETE (204), and Quartermaster's {@code rotateSigningSecret}.
 */
@RestController
public class CustomWorkflowExtensionsController {

  static final String COLLECTION = Api.V1 + "/catalogs/{catalogId}/customWorkflowExtensions";

  private final ExtensionService extensions;
  private final JsonMapper json;

  public CustomWorkflowExtensionsController(ExtensionService extensions, JsonMapper json) {
    this.extensions = extensions;
    this.json = json;
  }

  @PostMapping(COLLECTION)
  public Mono<ResponseEntity<Map<String, Object>>> create(@PathVariable UUID catalogId, @RequestBody JsonNode body,
      ServerHttpRequest http) {
    return EntitlementScopes.write().flatMap(caller -> Mono.fromCallable(() -> ExtensionBody.parse(body, null, json))
            .flatMap(definition -> extensions.create(catalogId, definition, caller.objectId().toString())))
        .map(created -> {
          Map<String, Object> view = new LinkedHashMap<>(ExtensionView.of(created.extension()));
          view.put("signingSecret", created.signingSecret());
          return ResponseEntity.created(URI.create(http.getURI() + "/" + created.extension().id())).body(view);
        });
  }

  @GetMapping(COLLECTION)
  public Mono<ODataCollection<Map<String, Object>>> list(@PathVariable UUID catalogId) {
    return EntitlementScopes.read().thenMany(extensions.list(catalogId)).map(ExtensionView::of).collectList()
        .map(values -> new ODataCollection<>("https://graph.microsoft.com/v1.0/$metadata#identityGovernance/"
            + "entitlementManagement/catalogs('" + catalogId + "')/customWorkflowExtensions", null, values, null));
  }

  @GetMapping(COLLECTION + "/{id}")
  public Mono<Map<String, Object>> get(@PathVariable UUID catalogId, @PathVariable UUID id) {
    return EntitlementScopes.read().then(extensions.get(catalogId, id)).map(ExtensionView::of);
  }

  @PutMapping(COLLECTION + "/{id}")
  public Mono<Map<String, Object>> replace(@PathVariable UUID catalogId, @PathVariable UUID id,
      @RequestBody JsonNode body) {
    return EntitlementScopes.write().flatMap(caller -> extensions.get(catalogId, id)
            .map(existing -> ExtensionBody.parse(body, existing.kind(), json))
            .flatMap(definition -> extensions.replace(catalogId, id, definition, caller.objectId().toString())))
        .map(ExtensionView::of);
  }

  @DeleteMapping(COLLECTION + "/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> delete(@PathVariable UUID catalogId, @PathVariable UUID id) {
    return EntitlementScopes.write().then(extensions.delete(catalogId, id));
  }

  /** Quartermaster's action: a new secret replaces the old one at once, and is shown this once. */
  @PostMapping(COLLECTION + "/{id}/rotateSigningSecret")
  public Mono<Map<String, Object>> rotate(@PathVariable UUID catalogId, @PathVariable UUID id) {
    return EntitlementScopes.write()
        .flatMap(caller -> extensions.rotateSigningSecret(catalogId, id, caller.objectId().toString()))
        .map(secret -> Map.of("signingSecret", secret));
  }
}
