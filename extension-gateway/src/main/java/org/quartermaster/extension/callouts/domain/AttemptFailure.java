package org.quartermaster.extension.callouts.domain;

/**
 * Why an attempt did not succeed. Timeouts, connection errors, 5xx and 429 may pass, so they are retried; any other
 * answer, and a refusal by the outbound policy, will not change by asking again.
 *
 * @param httpStatus the endpoint's answer, if it answered
 */
public record AttemptFailure(boolean retryable, Integer httpStatus, String reason) {

  public static final String REFUSED_BY_OUTBOUND_POLICY = "refused by outbound policy";

  public static AttemptFailure ofStatus(int httpStatus) {
    boolean retryable = httpStatus >= 500 || httpStatus == 429;
    return new AttemptFailure(retryable, httpStatus, "the endpoint answered HTTP " + httpStatus);
  }

  public static AttemptFailure transientError(String reason) {
    return new AttemptFailure(true, null, reason);
  }

  public static AttemptFailure permanent(String reason) {
    return new AttemptFailure(false, null, reason);
  }

  public static AttemptFailure refusedByPolicy(String why) {
    return new AttemptFailure(false, null, REFUSED_BY_OUTBOUND_POLICY + ": " + why);
  }
}
