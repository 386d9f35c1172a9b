package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.quartermaster.request.packages.domain.AccessPackageSummary;

/** An expanded accessPackage, with what the catalog's events say of it; beta also shows catalogId. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessPackageView(UUID id, UUID catalogId, String displayName, String description, boolean isHidden) {

  static AccessPackageView of(AccessPackageSummary accessPackage, boolean beta) {
    if (accessPackage == null) {
      return null;
    }
    return new AccessPackageView(accessPackage.id(), beta ? accessPackage.catalogId() : null, accessPackage.displayName(),
        accessPackage.description(), accessPackage.hidden());
  }
}
