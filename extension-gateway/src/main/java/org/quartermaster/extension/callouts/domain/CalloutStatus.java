package org.quartermaster.extension.callouts.domain;

import java.util.Arrays;

/**
 * Graph's customExtensionCalloutInstanceStatus, plus {@code queued} for a callout not sent yet (first attempt due, or
 * a retry waiting), which Graph has no member for and shows as {@code unknownFutureValue}.
 */
public enum CalloutStatus {
  QUEUED("queued", "unknownFutureValue"),
  CALLOUT_SENT("calloutSent", "calloutSent"),
  CALLBACK_RECEIVED("callbackReceived", "callbackReceived"),
  CALLOUT_FAILED("calloutFailed", "calloutFailed"),
  CALLBACK_TIMED_OUT("callbackTimedOut", "callbackTimedOut"),
  WAITING_FOR_CALLBACK("waitingForCallback", "waitingForCallback");

  private final String column;
  private final String graphName;

  CalloutStatus(String column, String graphName) {
    this.column = column;
    this.graphName = graphName;
  }

  public String column() {
    return column;
  }

  public String graphName() {
    return graphName;
  }

  public static CalloutStatus ofColumn(String column) {
    return Arrays.stream(values()).filter(status -> status.column.equals(column)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown callout status " + column));
  }
}
