package org.quartermaster.provisioning.assignments.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * Graph's expirationPattern: how long an assignment lasts. Durations are ISO-8601 as Graph writes them: {@code P30D},
 * {@code PT8H}, {@code P1Y}, {@code P1DT12H}; years and months count in calendar time (UTC).
 *
 * @param duration set for {@code afterDuration}
 * @param endDateTime set for {@code afterDateTime}
 */
public record ExpirationPattern(ExpirationType type, String duration, Instant endDateTime) {

  public static final ExpirationPattern NOT_SPECIFIED = new ExpirationPattern(ExpirationType.NOT_SPECIFIED, null, null);
  public static final ExpirationPattern NO_EXPIRATION = new ExpirationPattern(ExpirationType.NO_EXPIRATION, null, null);

  public ExpirationPattern {
    type = type == null ? ExpirationType.NOT_SPECIFIED : type;
  }

  public static ExpirationPattern afterDuration(String duration) {
    return new ExpirationPattern(ExpirationType.AFTER_DURATION, duration, null);
  }

  public static ExpirationPattern afterDateTime(Instant endDateTime) {
    return new ExpirationPattern(ExpirationType.AFTER_DATE_TIME, null, endDateTime);
  }

  public boolean isSpecified() {
    return type != ExpirationType.NOT_SPECIFIED;
  }

  /** When an assignment starting at {@code start} expires under this pattern; empty when it never does. */
  public Optional<Instant> expiresAt(Instant start) {
    if (type == ExpirationType.AFTER_DATE_TIME) {
      if (endDateTime == null) {
        throw new RuleViolation("expiration/endDateTime", "An 'afterDateTime' expiration needs 'endDateTime'.");
      }
      return Optional.of(endDateTime);
    }
    if (type == ExpirationType.AFTER_DURATION) {
      return Optional.of(plus(start, duration));
    }
    return Optional.empty();
  }

  /** Adds an ISO-8601 duration: a date part (Period: years, months, weeks, days) and a time part (Duration). */
  static Instant plus(Instant start, String iso) {
    if (iso == null || iso.isBlank()) {
      throw new RuleViolation("expiration/duration", "An 'afterDuration' expiration needs 'duration', e.g. 'P30D'.");
    }
    String text = iso.trim().toUpperCase(Locale.ROOT);
    try {
      int time = text.indexOf('T');
      Instant end = start;
      if (time != 1) {
        Period period = Period.parse(time < 0 ? text : text.substring(0, time));
        end = end.atZone(ZoneOffset.UTC).plus(period).toInstant();
      }
      if (time >= 0) {
        end = end.plus(Duration.parse("PT" + text.substring(time + 1)));
      }
      if (!end.isAfter(start)) {
        throw new RuleViolation("expiration/duration", "The duration '" + iso + "' must be positive.");
      }
      return end;
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new RuleViolation("expiration/duration",
          "The duration '" + iso + "' is not an ISO-8601 duration such as 'P30D' or 'PT8H'.");
    }
  }
}
