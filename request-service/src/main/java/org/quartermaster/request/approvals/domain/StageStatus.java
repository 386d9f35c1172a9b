package org.quartermaster.request.approvals.domain;

/** Where one approval stage stands. Only an open stage (in progress or escalated) takes decisions. */
public enum StageStatus {
  NOT_STARTED("notStarted"),
  IN_PROGRESS("inProgress"),
  ESCALATED("escalated"),
  APPROVED("approved"),
  DENIED("denied"),
  TIMED_OUT("timedOut");

  private final String graphName;

  StageStatus(String graphName) {
    this.graphName = graphName;
  }

  public String graphName() {
    return graphName;
  }

  public boolean open() {
    return this == IN_PROGRESS || this == ESCALATED;
  }

  public boolean closed() {
    return this == APPROVED || this == DENIED || this == TIMED_OUT;
  }
}
