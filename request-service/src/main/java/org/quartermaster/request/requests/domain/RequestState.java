package org.quartermaster.request.requests.domain;

import org.quartermaster.platform.domain.GraphEnum;

/** Graph's accessPackageRequestState, with the status text each state shows. */
public enum RequestState implements GraphEnum {
  SUBMITTED("submitted", "Accepted"),
  PENDING_APPROVAL("pendingApproval", "PendingApproval"),
  SCHEDULED("scheduled", "PendingNotBefore"),
  DELIVERING("delivering", "Delivering"),
  DELIVERED("delivered", "Delivered"),
  PARTIALLY_DELIVERED("partiallyDelivered", "PartiallyDelivered"),
  DELIVERY_FAILED("deliveryFailed", "DeliveryFailed"),
  DENIED("denied", "Denied"),
  CANCELED("canceled", "Canceled");

  private final String graphName;
  private final String status;

  RequestState(String graphName, String status) {
    this.graphName = graphName;
    this.status = status;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Graph's free-text status for this state, e.g. Accepted right after submission. */
  public String status() {
    return status;
  }

  /** Beta's requestStatus: the same, except that a delivered request shows the notification that followed, as the tutorials do. */
  public String betaStatus() {
    return this == DELIVERED ? "FulfilledNotificationTriggered" : status;
  }

  /** Still waiting for or undergoing delivery: another request for the same thing would duplicate it. */
  public boolean open() {
    return this == SUBMITTED || this == PENDING_APPROVAL || this == SCHEDULED || this == DELIVERING;
  }

  /** Finished, one way or another: completedDateTime is set. */
  public boolean completed() {
    return this == DELIVERED || this == PARTIALLY_DELIVERED || this == DELIVERY_FAILED || this == DENIED || this == CANCELED;
  }
}
