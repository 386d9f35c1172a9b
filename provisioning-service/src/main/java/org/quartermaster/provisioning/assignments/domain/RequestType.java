package org.quartermaster.provisioning.assignments.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's accessPackageRequestType, reduced to what provisioning does about each: add, update or remove. */
public enum RequestType implements GraphEnum {
  USER_ADD("userAdd", Kind.ADD),
  ADMIN_ADD("adminAdd", Kind.ADD),
  SYSTEM_ADD("systemAdd", Kind.ADD),
  USER_UPDATE("userUpdate", Kind.UPDATE),
  ADMIN_UPDATE("adminUpdate", Kind.UPDATE),
  SYSTEM_UPDATE("systemUpdate", Kind.UPDATE),
  USER_REMOVE("userRemove", Kind.REMOVE),
  ADMIN_REMOVE("adminRemove", Kind.REMOVE),
  SYSTEM_REMOVE("systemRemove", Kind.REMOVE);

  /** What a request of the type asks provisioning to do. */
  public enum Kind { ADD, UPDATE, REMOVE }

  private final String graphName;
  private final Kind kind;

  RequestType(String graphName, Kind kind) {
    this.graphName = graphName;
    this.kind = kind;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  public Kind kind() {
    return kind;
  }

  public static RequestType parse(String value) {
    return GraphEnum.parse(RequestType.class, value, "requestType");
  }
}
