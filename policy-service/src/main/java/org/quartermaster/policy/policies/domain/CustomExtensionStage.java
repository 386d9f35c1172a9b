package org.quartermaster.policy.policies.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's accessPackageCustomExtensionStage: the moment of a request or assignment a custom extension runs at. */
public enum CustomExtensionStage implements GraphEnum {
  ASSIGNMENT_REQUEST_CREATED("assignmentRequestCreated"),
  ASSIGNMENT_REQUEST_APPROVED("assignmentRequestApproved"),
  ASSIGNMENT_REQUEST_GRANTED("assignmentRequestGranted"),
  ASSIGNMENT_REQUEST_REMOVED("assignmentRequestRemoved"),
  ASSIGNMENT_FOURTEEN_DAYS_BEFORE_EXPIRATION("assignmentFourteenDaysBeforeExpiration"),
  ASSIGNMENT_ONE_DAY_BEFORE_EXPIRATION("assignmentOneDayBeforeExpiration");

  private final String graphName;

  CustomExtensionStage(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }
}
