package org.quartermaster.catalog.catalogs.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's accessPackageCatalogState (beta: catalogStatus): only a published catalog's packages can be requested. */
public enum CatalogState implements GraphEnum {
  UNPUBLISHED("unpublished"),
  PUBLISHED("published");

  private final String graphName;

  CatalogState(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }
}
