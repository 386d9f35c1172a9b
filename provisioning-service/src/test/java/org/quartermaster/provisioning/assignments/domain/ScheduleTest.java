package org.quartermaster.provisioning.assignments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.RuleViolation;

/** Expiration computation: ISO-8601 durations as Graph writes them, dates, no expiration, and the policy's fallback. */
class ScheduleTest {

  static final Instant START = Instant.parse("2026-01-31T08:00:00Z");

  @Test
  void durationsInDaysAndHours() {
    assertThat(ExpirationPattern.afterDuration("P30D").expiresAt(START)).contains(START.plus(Duration.ofDays(30)));
    assertThat(ExpirationPattern.afterDuration("PT8H").expiresAt(START)).contains(START.plus(Duration.ofHours(8)));
    assertThat(ExpirationPattern.afterDuration("P1DT12H").expiresAt(START)).contains(START.plus(Duration.ofHours(36)));
    assertThat(ExpirationPattern.afterDuration("p2w").expiresAt(START)).contains(START.plus(Duration.ofDays(14)));
  }

  @Test
  void yearsAndMonthsCountInCalendarTime() {
    assertThat(ExpirationPattern.afterDuration("P1M").expiresAt(START)).contains(Instant.parse("2026-02-28T08:00:00Z"));
    assertThat(ExpirationPattern.afterDuration("P1Y").expiresAt(START)).contains(Instant.parse("2027-01-31T08:00:00Z"));
  }

  @Test
  void anEndDateOrNoExpiration() {
    Instant end = Instant.parse("2026-06-30T00:00:00Z");
    assertThat(ExpirationPattern.afterDateTime(end).expiresAt(START)).contains(end);
    assertThat(ExpirationPattern.NO_EXPIRATION.expiresAt(START)).isEmpty();
    assertThat(ExpirationPattern.NOT_SPECIFIED.expiresAt(START)).isEmpty();
  }

  @Test
  void malformedOrNonPositiveDurationsAreRefused() {
    for (String bad : new String[] {"thirty days", "P", "PT", "-P1D", "P0D", ""}) {
      assertThatThrownBy(() -> ExpirationPattern.afterDuration(bad).expiresAt(START)).as(bad)
          .isInstanceOf(RuleViolation.class);
    }
    assertThatThrownBy(() -> new ExpirationPattern(ExpirationType.AFTER_DATE_TIME, null, null).expiresAt(START))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("endDateTime");
  }

  @Test
  void theRequestsExpirationWinsAndThePolicysFillsIn() {
    ExpirationPattern policy = ExpirationPattern.afterDuration("P365D");
    Schedule own = Schedule.resolve(null, ExpirationPattern.afterDuration("P7D"), policy, START);
    assertThat(own.expiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));
    Schedule inherited = Schedule.resolve(null, ExpirationPattern.NOT_SPECIFIED, policy, START);
    assertThat(inherited.expiresAt()).isEqualTo(START.plus(Duration.ofDays(365)));
    assertThat(inherited.expiration().duration()).isEqualTo("P365D");
    Schedule never = Schedule.resolve(null, ExpirationPattern.NO_EXPIRATION, policy, START);
    assertThat(never.expiresAt()).isNull();
  }

  @Test
  void aFutureStartDelaysTheExpirationAndAPastStartMeansNow() {
    Instant later = START.plus(Duration.ofDays(3));
    Schedule future = Schedule.resolve(later, ExpirationPattern.afterDuration("P1D"), null, START);
    assertThat(future.startDateTime()).isEqualTo(later);
    assertThat(future.expiresAt()).isEqualTo(later.plus(Duration.ofDays(1)));
    Schedule past = Schedule.resolve(START.minusSeconds(60), ExpirationPattern.afterDuration("P1D"), null, START);
    assertThat(past.startDateTime()).isEqualTo(START);
  }
}
