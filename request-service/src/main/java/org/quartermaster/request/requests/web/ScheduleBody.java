package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.common.domain.ExpirationType;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.request.common.domain.NotSupported;
import org.quartermaster.request.requests.domain.RequestSchedule;

/** v1.0's entitlementManagementSchedule and beta's requestSchedule, which have the same shape. */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ScheduleBody(OffsetDateTime startDateTime, ExpirationBody expiration, Object recurrence) {

  RequestSchedule toSchedule(String property) {
    if (recurrence != null) {
      throw new NotSupported(property + ".recurrence", "A recurring assignment schedule is not supported.");
    }
    return new RequestSchedule(micros(startDateTime),
        expiration == null ? Expiration.NOT_SPECIFIED : expiration.toExpiration(property + ".expiration"));
  }

  /** PostgreSQL keeps microseconds; clients send up to seven digits, and a stored request reads back as it was answered. */
  static Instant micros(OffsetDateTime time) {
    return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.MICROS);
  }

  /** An expirationPattern; a pattern with a duration or an end but no type is read as the type they imply. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record ExpirationBody(String type, String duration, OffsetDateTime endDateTime) {

    Expiration toExpiration(String property) {
      ExpirationType parsed = type != null ? GraphEnum.parse(ExpirationType.class, type, property + ".type")
          : duration != null ? ExpirationType.AFTER_DURATION
          : endDateTime != null ? ExpirationType.AFTER_DATE_TIME : ExpirationType.NOT_SPECIFIED;
      return new Expiration(parsed, parsed == ExpirationType.AFTER_DURATION ? duration : null,
          parsed == ExpirationType.AFTER_DATE_TIME ? micros(endDateTime) : null);
    }
  }
}
