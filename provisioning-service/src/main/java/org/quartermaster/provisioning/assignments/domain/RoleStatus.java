package org.quartermaster.provisioning.assignments.domain;

/** How the delivery of one resource role of an assignment went; spelled as Graph's accessPackageAssignmentResourceRole.status. */
public enum RoleStatus {
  PENDING_FULFILLMENT("PendingFulfillment"),
  FULFILLED("Fulfilled"),
  FAILED("Failed"),
  REMOVED("Removed");

  private final String graphName;

  RoleStatus(String graphName) {
    this.graphName = graphName;
  }

  public String graphName() {
    return graphName;
  }

  public static RoleStatus parse(String value) {
    for (RoleStatus status : values()) {
      if (status.graphName.equalsIgnoreCase(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("Unknown resource role status '" + value + "'");
  }
}
