package org.quartermaster.policy.policies.domain;

import java.util.Set;
import org.quartermaster.platform.domain.GraphEnum;

/**
 * The two custom workflow extension types of entitlement management, and the stages each may be bound to: Graph calls
 * a request workflow extension only at the request stages and a pre-expiration one only before expiry.
 */
public enum CustomExtensionKind implements GraphEnum {
  REQUEST("accessPackageAssignmentRequestWorkflowExtension", Set.of(CustomExtensionStage.ASSIGNMENT_REQUEST_CREATED,
      CustomExtensionStage.ASSIGNMENT_REQUEST_APPROVED, CustomExtensionStage.ASSIGNMENT_REQUEST_GRANTED,
      CustomExtensionStage.ASSIGNMENT_REQUEST_REMOVED)),
  ASSIGNMENT("accessPackageAssignmentWorkflowExtension", Set.of(
      CustomExtensionStage.ASSIGNMENT_FOURTEEN_DAYS_BEFORE_EXPIRATION,
      CustomExtensionStage.ASSIGNMENT_ONE_DAY_BEFORE_EXPIRATION));

  private final String graphName;
  private final Set<CustomExtensionStage> stages;

  CustomExtensionKind(String graphName, Set<CustomExtensionStage> stages) {
    this.graphName = graphName;
    this.stages = stages;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  public String odataType() {
    return "#microsoft.graph." + graphName;
  }

  public boolean serves(CustomExtensionStage stage) {
    return stages.contains(stage);
  }
}
