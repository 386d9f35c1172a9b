package org.quartermaster.policy.policies.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's expirationPatternType: how an assignment's end is decided. */
public enum ExpirationType implements GraphEnum {
  NOT_SPECIFIED("notSpecified"),
  NO_EXPIRATION("noExpiration"),
  AFTER_DATE_TIME("afterDateTime"),
  AFTER_DURATION("afterDuration");

  private final String graphName;

  ExpirationType(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }
}
