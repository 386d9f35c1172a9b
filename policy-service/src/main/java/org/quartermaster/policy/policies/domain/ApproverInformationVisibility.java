package org.quartermaster.policy.policies.domain;

import org.quartermaster.platform.domain.GraphEnum;

/**
 * Graph's approverInformationVisibility: whether requestors see who approves their request. Quartermaster keeps and
 * echoes it; it changes no decision.
 */
public enum ApproverInformationVisibility implements GraphEnum {
  DEFAULT("default"),
  NOT_VISIBLE("notVisible"),
  VISIBLE("visible");

  private final String graphName;

  ApproverInformationVisibility(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** An absent value is Graph's default. */
  public static ApproverInformationVisibility parse(String value, String property) {
    return value == null ? DEFAULT : GraphEnum.parse(ApproverInformationVisibility.class, value, property);
  }
}
