package org.quartermaster.request.requests.domain;

/**
 * What can happen to a request after submission: provisioning's progress, a client's cancel or reprocess, or the end
 * of its approval.
 */
public enum Trigger {
  DELIVERY_STARTED("deliveryStarted", "start delivery"),
  DELIVERED("delivered", "be delivered"),
  PARTIALLY_DELIVERED("partiallyDelivered", "be partially delivered"),
  DELIVERY_FAILED("deliveryFailed", "fail delivery"),
  CANCEL("cancel", "be canceled"),
  REPROCESS("reprocess", "be reprocessed"),
  /** Every approval stage approved: delivery is requested. */
  APPROVE("approve", "be approved"),
  /** An approver denied, a stage timed out or had nobody to ask, or separation of duties refused delivery. */
  DENY("deny", "be denied");

  private final String graphName;
  private final String outcome;

  Trigger(String graphName, String outcome) {
    this.graphName = graphName;
    this.outcome = outcome;
  }

  public String graphName() {
    return graphName;
  }

  /** How a refusal says what could not happen, e.g. "be canceled". */
  public String outcome() {
    return outcome;
  }
}
