package org.quartermaster.catalog.catalogs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.catalogs.domain.Catalog;
import org.quartermaster.catalog.common.web.GraphNames;

/** A catalog as Graph v1.0 returns it; {@code accessPackages} only when expanded. */
public record CatalogView(
    UUID id,
    String displayName,
    String description,
    String catalogType,
    String state,
    boolean isExternallyVisible,
    Instant createdDateTime,
    Instant modifiedDateTime,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<?> accessPackages) {

  public static CatalogView of(Catalog catalog) {
    return of(catalog, null);
  }

  public static CatalogView of(Catalog catalog, List<?> accessPackages) {
    var p = catalog.profile();
    return new CatalogView(catalog.id(), p.displayName(), p.description(), GraphNames.v1(catalog.type()),
        GraphNames.v1(p.state()), p.externallyVisible(), catalog.audit().createdDateTime(),
        catalog.audit().modifiedDateTime(), accessPackages);
  }
}
