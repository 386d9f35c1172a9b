package org.quartermaster.catalog.resources.domain;

import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.catalog.common.domain.NotSupported;

/** The accessPackageRequestType values a resource request may carry. */
public enum ResourceRequestType implements GraphEnum {
  ADMIN_ADD("adminAdd"),
  ADMIN_UPDATE("adminUpdate"),
  ADMIN_REMOVE("adminRemove");

  private final String graphName;

  ResourceRequestType(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  public static ResourceRequestType parse(String value) {
    ResourceRequestType type = GraphEnum.parse(ResourceRequestType.class, value, "requestType");
    if (type == ADMIN_UPDATE) {
      // A group's attributes come from the directory; there is nothing an update could change yet.
      throw new NotSupported("requestType", "Resource requests of requestType 'adminUpdate' are not supported yet.");
    }
    return type;
  }
}
