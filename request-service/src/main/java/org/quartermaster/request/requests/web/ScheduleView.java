package org.quartermaster.request.requests.web;

import java.time.Instant;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.requests.domain.RequestSchedule;

/** A schedule as both versions show it: {@code {startDateTime, recurrence, expiration: {type, duration, endDateTime}}}. */
public record ScheduleView(Instant startDateTime, Object recurrence, ExpirationView expiration) {

  static ScheduleView of(RequestSchedule schedule) {
    return new ScheduleView(schedule.startDateTime(), null, ExpirationView.of(schedule.expiration()));
  }

  static ScheduleView of(Instant start, Instant end) {
    return new ScheduleView(start, null, end == null ? new ExpirationView("noExpiration", null, null)
        : new ExpirationView("afterDateTime", null, end));
  }

  /** Graph's expirationPattern. */
  public record ExpirationView(String type, String duration, Instant endDateTime) {

    static ExpirationView of(Expiration expiration) {
      return new ExpirationView(expiration.type().graphName(), expiration.duration(), expiration.endDateTime());
    }
  }
}
