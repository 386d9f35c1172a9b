package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.quartermaster.catalog.common.web.GraphNames;
import org.quartermaster.catalog.resources.domain.ResourceRequest;

/**
 * An accessPackageResourceRequest as Graph beta returns it: catalogId, requestState/requestStatus in PascalCase
 * ({@code Delivered}/{@code Fulfilled}), and the resource.
 */
public record BetaResourceRequestView(
    UUID id,
    UUID catalogId,
    String requestType,
    String requestState,
    String requestStatus,
    String justification,
    boolean executeImmediately,
    Instant expirationDateTime,
    boolean isValidationOnly,
    Instant createdDateTime,
    @JsonInclude(JsonInclude.Include.NON_NULL) BetaResourceView accessPackageResource) {

  public static BetaResourceRequestView of(ResourceRequest request, boolean withResource) {
    return new BetaResourceRequestView(request.id(), request.catalogId(), GraphNames.beta(request.requestType()),
        GraphNames.beta(request.state()), request.state().betaStatus(), request.justification(), false, null, false,
        request.createdDateTime(), withResource ? BetaResourceView.of(request.resource()) : null);
  }
}
