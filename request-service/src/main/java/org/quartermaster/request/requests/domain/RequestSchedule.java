package org.quartermaster.request.requests.domain;

import java.time.Instant;
import org.quartermaster.request.common.domain.Expiration;

/**
 * When the requested assignment starts and ends (Graph's entitlementManagementSchedule, beta requestSchedule).
 *
 * @param startDateTime null: as soon as it is delivered
 */
public record RequestSchedule(Instant startDateTime, Expiration expiration) {

  public static final RequestSchedule NONE = new RequestSchedule(null, Expiration.NOT_SPECIFIED);

  public RequestSchedule {
    expiration = expiration == null ? Expiration.NOT_SPECIFIED : expiration;
  }
}
