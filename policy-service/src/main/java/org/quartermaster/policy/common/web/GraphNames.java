package org.quartermaster.policy.common.web;

import java.util.List;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.odata.ExpandItem;

/** Spelling differences between the versions, and reading a parsed $expand. */
public final class GraphNames {

  private GraphNames() {
  }

  /** Beta spells enum values PascalCase: {@code userManaged} becomes {@code UserManaged}. */
  public static String beta(GraphEnum value) {
    String name = value.graphName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  public static String v1(GraphEnum value) {
    return value.graphName();
  }

  public static boolean expands(List<ExpandItem> expand, String navigation) {
    return expand.stream().anyMatch(item -> item.name().equals(navigation));
  }

  /** Whether {@code parent($expand=child)} was asked for. */
  public static boolean expands(List<ExpandItem> expand, String parent, String child) {
    return expand.stream().anyMatch(item -> item.name().equals(parent) && expands(item.nested(), child));
  }
}
