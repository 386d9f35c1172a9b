package org.quartermaster.catalog.resources.domain;

import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.catalog.common.domain.NotSupported;

/** Where a resource lives. Graph spells these PascalCase in both versions. */
public enum OriginSystem implements GraphEnum {
  AAD_GROUP("AadGroup", true),
  AAD_APPLICATION("AadApplication", false),
  SHARE_POINT_ONLINE("SharePointOnline", false);

  private final String graphName;
  private final boolean supported;

  OriginSystem(String graphName, boolean supported) {
    this.graphName = graphName;
    this.supported = supported;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Tolerates case and surrounding whitespace: a PowerShell tutorial sends {@code "AadGroup "}. */
  public static OriginSystem parse(String value) {
    return GraphEnum.parse(OriginSystem.class, value, "originSystem");
  }

  /** Only the built-in directory's groups can be catalog resources so far. */
  public OriginSystem requireSupported() {
    if (!supported) {
      throw new NotSupported("originSystem", "Resources with originSystem '" + graphName
          + "' are not supported yet; only 'AadGroup' (groups of the built-in directory) can be added to a catalog.");
    }
    return this;
  }
}
