package org.quartermaster.catalog.catalogs.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.quartermaster.catalog.catalogs.domain.CatalogPatch;
import org.quartermaster.catalog.catalogs.domain.CatalogProfile;
import org.quartermaster.catalog.catalogs.domain.CatalogState;
import org.quartermaster.catalog.catalogs.domain.CatalogType;
import org.quartermaster.platform.domain.GraphEnum;

/**
 * POST and PATCH of a catalog in either version: v1.0 says {@code state}, beta {@code catalogStatus}; values in any
 * case. Property names are matched case-insensitively because PowerShell sends them PascalCase.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record CatalogBody(String displayName, String description, String catalogType, String state, String catalogStatus,
    Boolean isExternallyVisible) {

  /** New catalogs are published and internal unless the client says otherwise. */
  CatalogProfile toProfile() {
    CatalogState parsed = parsedState();
    return new CatalogProfile(displayName, description, parsed == null ? CatalogState.PUBLISHED : parsed,
        Boolean.TRUE.equals(isExternallyVisible));
  }

  CatalogType type() {
    return GraphEnum.parseOptional(CatalogType.class, catalogType, "catalogType");
  }

  CatalogPatch toPatch() {
    return new CatalogPatch(displayName, description, type(), parsedState(), isExternallyVisible);
  }

  private CatalogState parsedState() {
    CatalogState v1 = GraphEnum.parseOptional(CatalogState.class, state, "state");
    return v1 != null ? v1 : GraphEnum.parseOptional(CatalogState.class, catalogStatus, "catalogStatus");
  }
}
