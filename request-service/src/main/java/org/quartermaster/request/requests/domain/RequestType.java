package org.quartermaster.request.requests.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's accessPackageRequestType, limited to what users and administrators can ask for. */
public enum RequestType implements GraphEnum {
  USER_ADD("userAdd", Kind.ADD, true),
  ADMIN_ADD("adminAdd", Kind.ADD, false),
  USER_REMOVE("userRemove", Kind.REMOVE, true),
  ADMIN_REMOVE("adminRemove", Kind.REMOVE, false),
  USER_UPDATE("userUpdate", Kind.UPDATE, true),
  ADMIN_UPDATE("adminUpdate", Kind.UPDATE, false);

  /** What a request does to an assignment. */
  public enum Kind { ADD, REMOVE, UPDATE }

  private final String graphName;
  private final Kind kind;
  private final boolean self;

  RequestType(String graphName, Kind kind, boolean self) {
    this.graphName = graphName;
    this.kind = kind;
    this.self = self;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  public Kind kind() {
    return kind;
  }

  /** A request the target makes for themself, as opposed to an administrator's. */
  public boolean self() {
    return self;
  }

  /** Beta's older spelling of a self extension is {@code UserExtend}; it is a userUpdate. */
  public static RequestType parse(String value, String property) {
    if (value != null && value.trim().equalsIgnoreCase("userExtend")) {
      return USER_UPDATE;
    }
    return GraphEnum.parse(RequestType.class, value, property);
  }
}
