package org.quartermaster.provisioning.assignments.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's expirationPatternType. */
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

  public static ExpirationType parse(String value) {
    return value == null || value.isBlank() ? NOT_SPECIFIED : GraphEnum.parse(ExpirationType.class, value, "expiration/type");
  }
}
