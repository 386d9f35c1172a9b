package org.quartermaster.provisioning.connectors.domain;

/**
 * A target system did not carry out a grant or revoke. {@code permanent}: it never will as asked (unknown group or
 * user, malformed request); otherwise it may later (unreachable, overloaded, timed out) and the call is retried.
 */
public class ConnectorFailure extends RuntimeException {

  private final boolean permanent;

  private ConnectorFailure(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public static ConnectorFailure permanent(String message) {
    return new ConnectorFailure(message, true, null);
  }

  public static ConnectorFailure transientFailure(String message, Throwable cause) {
    return new ConnectorFailure(message, false, cause);
  }

  public boolean isPermanent() {
    return permanent;
  }
}
