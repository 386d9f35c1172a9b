package org.quartermaster.catalog.resources.domain;

import org.quartermaster.platform.domain.GraphEnum;

/**
 * The state of a resource request. Requests for groups of the built-in directory are carried out in the same
 * transaction that records them, so every stored request is delivered.
 */
public enum ResourceRequestState implements GraphEnum {
  DELIVERED("delivered", "Fulfilled");

  private final String graphName;
  private final String betaStatus;

  ResourceRequestState(String graphName, String betaStatus) {
    this.graphName = graphName;
    this.betaStatus = betaStatus;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Beta's requestStatus, which v1.0 folded into state. */
  public String betaStatus() {
    return betaStatus;
  }
}
