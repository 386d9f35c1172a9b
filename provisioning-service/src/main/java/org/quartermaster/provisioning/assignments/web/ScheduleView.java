package org.quartermaster.provisioning.assignments.web;

import java.time.Instant;
import org.quartermaster.provisioning.assignments.domain.ExpirationType;
import org.quartermaster.provisioning.assignments.domain.Schedule;

/**
 * Graph's entitlementManagementSchedule (v1.0) and requestSchedule (beta): the same shape. The expiration shows the
 * pattern asked for and the end it led to: an {@code afterDuration} of P30D also carries its endDateTime.
 */
public record ScheduleView(Instant startDateTime, ExpirationView expiration, Object recurrence) {

  /** Graph's expirationPattern. */
  public record ExpirationView(String type, Instant endDateTime, String duration) {
  }

  public static ScheduleView of(Schedule schedule) {
    ExpirationType type = schedule.expiration().type();
    Instant end = schedule.expiresAt() != null ? schedule.expiresAt() : schedule.expiration().endDateTime();
    return new ScheduleView(schedule.startDateTime(),
        new ExpirationView(type.graphName(), end, schedule.expiration().duration()), null);
  }
}
