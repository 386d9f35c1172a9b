package org.quartermaster.extension.definitions.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.extension.common.domain.NotFound;
import org.quartermaster.extension.common.web.Api;
import org.quartermaster.extension.common.web.EntitlementScopes;
import org.quartermaster.extension.definitions.application.ExtensionService;
import org.quartermaster.extension.definitions.domain.CustomWorkflowExtension;
import org.quartermaster.extension.definitions.domain.ExtensionKind;
import org.quartermaster.extension.definitions.web.ExtensionBody.Route;
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
 * Beta's older {@code accessPackageCatalogs/{catalogId}/customAccessPackageWorkflowExtensions}, which seed 002
 * section 7's {@code New-MgEntitlementManagementAccessPackageCatalogCustomAccessPackageWorkflowExtension} calls: the
 * same definitions as v1.0's {@code customWorkflowExtensions}, of the request workflow kind only, shown as
 * {@code #microsoft.graph.customAccessPackageWorkflowExtension}. POST 201 (with the signing secret once), GET, PUT
 * 200, DELETE 204, {@code rotateSigningSecret}; a pre-expiration extension is not found here.
 *
 * <p>Seed 002 tolerance: a body without {@code @odata.type} is the request workflow kind, and a
 * {@code #microsoft.graph.logicAppTriggerEndpointConfiguration} given under {@code authenticationConfiguration}
 * while {@code endpointConfiguration} is absent is taken as the endpoint configuration (it cannot be an
 * authentication). Everything else is refused as on v1.0.
 */
@RestController
public class CustomAccessPackageWorkflowExtensionsController {

  static final String COLLECTION = Api.BETA + "/accessPackageCatalogs/{catalogId}/customAccessPackageWorkflowExtensions";
  private static final String ENTITY = "customAccessPackageWorkflowExtension";

  private final ExtensionService extensions;
  private final JsonMapper json;

  public CustomAccessPackageWorkflowExtensionsController(ExtensionService extensions, JsonMapper json) {
    this.extensions = extensions;
    this.json = json;
  }

  @PostMapping(COLLECTION)
  public Mono<ResponseEntity<Map<String, Object>>> create(@PathVariable UUID catalogId, @RequestBody JsonNode body,
      ServerHttpRequest http) {
    return EntitlementScopes.write()
        .flatMap(caller -> Mono.fromCallable(() -> ExtensionBody.parse(body, null, Route.BETA, json))
            .flatMap(definition -> extensions.create(catalogId, definition, caller.objectId().toString())))
        .map(created -> {
          Map<String, Object> view = new LinkedHashMap<>(ExtensionView.beta(created.extension()));
          view.put("signingSecret", created.signingSecret());
          return ResponseEntity.created(URI.create(http.getURI() + "/" + created.extension().id())).body(view);
        });
  }

  @GetMapping(COLLECTION)
  public Mono<ODataCollection<Map<String, Object>>> list(@PathVariable UUID catalogId) {
    return EntitlementScopes.read().thenMany(extensions.list(catalogId))
        .filter(extension -> extension.kind() == ExtensionKind.REQUEST)
        .map(ExtensionView::beta).collectList()
        .map(values -> new ODataCollection<>("https://graph.microsoft.com/beta/$metadata#identityGovernance/"
            + "entitlementManagement/accessPackageCatalogs('" + catalogId + "')/customAccessPackageWorkflowExtensions",
            null, values, null));
  }

  @GetMapping(COLLECTION + "/{id}")
  public Mono<Map<String, Object>> get(@PathVariable UUID catalogId, @PathVariable UUID id) {
    return EntitlementScopes.read().then(requestKind(catalogId, id)).map(ExtensionView::beta);
  }

  @PutMapping(COLLECTION + "/{id}")
  public Mono<Map<String, Object>> replace(@PathVariable UUID catalogId, @PathVariable UUID id,
      @RequestBody JsonNode body) {
    return EntitlementScopes.write().flatMap(caller -> requestKind(catalogId, id)
            .map(existing -> ExtensionBody.parse(body, existing.kind(), Route.BETA, json))
            .flatMap(definition -> extensions.replace(catalogId, id, definition, caller.objectId().toString())))
        .map(ExtensionView::beta);
  }

  @DeleteMapping(COLLECTION + "/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> delete(@PathVariable UUID catalogId, @PathVariable UUID id) {
    // The kind never changes (a PUT refuses that), so checking it before the delete's own lock is enough.
    return EntitlementScopes.write().then(requestKind(catalogId, id))
        .then(Mono.defer(() -> extensions.delete(catalogId, id)));
  }

  @PostMapping(COLLECTION + "/{id}/rotateSigningSecret")
  public Mono<Map<String, Object>> rotate(@PathVariable UUID catalogId, @PathVariable UUID id) {
    return EntitlementScopes.write()
        .flatMap(caller -> requestKind(catalogId, id)
            .then(Mono.defer(() -> extensions.rotateSigningSecret(catalogId, id, caller.objectId().toString()))))
        .map(secret -> Map.of("signingSecret", secret));
  }

  /** The extension of the catalog, if it is of the kind this collection holds; a 404 otherwise. */
  private Mono<CustomWorkflowExtension> requestKind(UUID catalogId, UUID id) {
    return extensions.get(catalogId, id).filter(extension -> extension.kind() == ExtensionKind.REQUEST)
        .switchIfEmpty(Mono.error(() -> new NotFound(ENTITY, id)));
  }
}
