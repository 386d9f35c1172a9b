package org.quartermaster.catalog.catalogs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.catalogs.domain.Catalog;
import org.quartermaster.catalog.common.web.GraphNames;

/** A catalog as Graph beta returns it: catalogStatus instead of state, PascalCase values, createdBy/modifiedBy. */
public record BetaCatalogView(
    UUID id,
    String displayName,
    String description,
    String catalogType,
    String catalogStatus,
    boolean isExternallyVisible,
    String createdBy,
    Instant createdDateTime,
    String modifiedBy,
    Instant modifiedDateTime,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<?> accessPackages) {

  public static BetaCatalogView of(Catalog catalog) {
    return of(catalog, null);
  }

  public static BetaCatalogView of(Catalog catalog, List<?> accessPackages) {
    var p = catalog.profile();
    var audit = catalog.audit();
    return new BetaCatalogView(catalog.id(), p.displayName(), p.description(), GraphNames.beta(catalog.type()),
        GraphNames.beta(p.state()), p.externallyVisible(), audit.createdBy(), audit.createdDateTime(), audit.modifiedBy(),
        audit.modifiedDateTime(), accessPackages);
  }
}
