package org.quartermaster.request.common.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's expirationPatternType: how an assignment's end is given. */
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
