package org.quartermaster.catalog.packages.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.UUID;
import org.quartermaster.catalog.common.web.IdReference;
import org.quartermaster.catalog.packages.domain.PackagePatch;
import org.quartermaster.catalog.packages.domain.PackageProfile;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * POST and PATCH of an access package: the catalog as v1.0's {@code catalog: {id}}, beta's {@code catalogId} (which the
 * v1.0 tutorial sends too) or beta's {@code accessPackageCatalog: {id}}.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record AccessPackageBody(
    String displayName,
    String description,
    Boolean isHidden,
    Boolean isRoleScopesVisible,
    IdReference catalog,
    UUID catalogId,
    IdReference accessPackageCatalog) {

  UUID catalogIdOrNull() {
    if (catalogId != null) {
      return catalogId;
    }
    IdReference reference = catalog != null ? catalog : accessPackageCatalog;
    return reference == null ? null : reference.id();
  }

  PackageProfile toProfile() {
    return new PackageProfile(displayName, description, Boolean.TRUE.equals(isHidden), Boolean.TRUE.equals(isRoleScopesVisible));
  }

  /** A package stays in the catalog it was created in; naming that same catalog again is harmless. */
  PackagePatch toPatch(UUID currentCatalogId) {
    UUID named = catalogIdOrNull();
    if (named != null && !named.equals(currentCatalogId)) {
      throw new RuleViolation("catalog", "An access package cannot move to another catalog (from " + currentCatalogId
          + " to " + named + ").");
    }
    return new PackagePatch(displayName, description, isHidden, isRoleScopesVisible);
  }
}
