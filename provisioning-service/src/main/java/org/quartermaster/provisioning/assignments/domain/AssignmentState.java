package org.quartermaster.provisioning.assignments.domain;

import org.quartermaster.platform.domain.GraphEnum;

/**
 * Graph's accessPackageAssignmentState. A removed assignment ends as {@code expired} too: Graph has no "removed"
 * member and documents a removal as expiring the assignment.
 */
public enum AssignmentState implements GraphEnum {
  DELIVERING("delivering", "Delivering"),
  PARTIALLY_DELIVERED("partiallyDelivered", "PartiallyDelivered"),
  DELIVERED("delivered", "Delivered"),
  EXPIRED("expired", "Expired"),
  DELIVERY_FAILED("deliveryFailed", "DeliveryFailed");

  private final String graphName;
  private final String status;

  AssignmentState(String graphName, String status) {
    this.graphName = graphName;
    this.status = status;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Graph's free-text status that goes with the state, e.g. {@code Delivered}. */
  public String status() {
    return status;
  }

  /** The target holds the package, or is being given it: a current assignment, as additionalAccess counts them. */
  public boolean current() {
    return this == DELIVERING || this == PARTIALLY_DELIVERED || this == DELIVERED;
  }

  public static AssignmentState parse(String value) {
    return GraphEnum.parse(AssignmentState.class, value, "state");
  }
}
