package org.quartermaster.catalog.catalogs.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's accessPackageCatalogType: who manages a catalog. */
public enum CatalogType implements GraphEnum {
  USER_MANAGED("userManaged"),
  SERVICE_DEFAULT("serviceDefault"),
  SERVICE_MANAGED("serviceManaged");

  private final String graphName;

  CatalogType(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }
}
