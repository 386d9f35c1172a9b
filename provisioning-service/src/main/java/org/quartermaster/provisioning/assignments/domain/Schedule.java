package org.quartermaster.provisioning.assignments.domain;

import java.time.Instant;

/**
 * When an assignment holds: from {@code startDateTime} until {@code expiresAt} (null: no end). The pattern it came from
 * is kept, so clients see the duration they asked for as well as the end it led to.
 */
public record Schedule(Instant startDateTime, ExpirationPattern expiration, Instant expiresAt) {

  /**
   * The request's schedule, or, when the request leaves the expiration unspecified, the policy's: Graph uses "the
   * policy's lifecycle settings" when no end is given. A start in the past or absent means now.
   */
  public static Schedule resolve(Instant requestedStart, ExpirationPattern requested, ExpirationPattern policy, Instant now) {
    Instant start = requestedStart == null || requestedStart.isBefore(now) ? now : requestedStart;
    ExpirationPattern pattern = requested != null && requested.isSpecified() ? requested
        : policy != null && policy.isSpecified() ? policy : ExpirationPattern.NOT_SPECIFIED;
    return new Schedule(start, pattern, pattern.expiresAt(start).orElse(null));
  }
}
