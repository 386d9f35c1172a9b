package org.quartermaster.request.common.web;

import java.util.List;
import java.util.Optional;
import org.quartermaster.odata.ExpandItem;
import org.quartermaster.platform.domain.GraphEnum;

/** Spelling differences between the versions, and reading a parsed $expand. */
public final class GraphNames {

  private GraphNames() {
  }

  /** Beta spells enum values PascalCase: {@code userAdd} becomes {@code UserAdd}. */
  public static String beta(GraphEnum value) {
    return pascal(value.graphName());
  }

  public static String pascal(String name) {
    return name == null || name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  public static Optional<ExpandItem> expanded(List<ExpandItem> expand, String navigation) {
    return expand.stream().filter(item -> item.name().equals(navigation)).findFirst();
  }
}
