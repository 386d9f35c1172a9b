package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.UUID;
import org.quartermaster.catalog.common.domain.NotSupported;
import org.quartermaster.catalog.common.web.IdReference;
import org.quartermaster.catalog.resources.application.ResourceRequestCommand;

/**
 * POST of a resource request in either shape: v1.0's {@code catalog: {id}} and {@code resource}, or beta's (also what
 * the v1.0 tutorial sends) {@code catalogId} and {@code accessPackageResource}. PowerShell sends PascalCase names.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ResourceRequestBody(
    String requestType,
    IdReference catalog,
    UUID catalogId,
    ResourceBody resource,
    ResourceBody accessPackageResource,
    String justification,
    Boolean executeImmediately,
    Boolean isValidationOnly) {

  ResourceRequestCommand toCommand() {
    if (Boolean.TRUE.equals(isValidationOnly)) {
      throw new NotSupported("isValidationOnly", "Validation-only resource requests are not supported yet.");
    }
    ResourceBody named = resource != null ? resource : accessPackageResource;
    UUID catalog = catalogId != null ? catalogId : this.catalog == null ? null : this.catalog.id();
    return new ResourceRequestCommand(requestType, catalog, named == null ? null : named.id(),
        named == null ? null : named.originId(), named == null ? null : named.originSystem(), justification);
  }
}
