package org.quartermaster.request.common.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * Graph's ISO 8601 durations ({@code P30D}, {@code PT8H}, {@code P1Y}, {@code P2W}, {@code P1DT12H}). Neither
 * {@link Duration} nor {@link Period} reads all of them alone, so the date part is a period and the time part a duration.
 */
public final class IsoDurations {

  private IsoDurations() {
  }

  /** The instant the duration after {@code start} ends; refuses text that is not an ISO 8601 duration. */
  public static Instant after(Instant start, String duration, String property) {
    String text = duration == null ? "" : duration.trim().toUpperCase(Locale.ROOT);
    if (!text.startsWith("P") || text.length() < 2) {
      throw invalid(duration, property);
    }
    int time = text.indexOf('T');
    String datePart = time < 0 ? text.substring(1) : text.substring(1, time);
    String timePart = time < 0 ? "" : text.substring(time + 1);
    if (time >= 0 && timePart.isEmpty()) {
      throw invalid(duration, property);
    }
    try {
      Instant end = start;
      if (!datePart.isEmpty()) {
        end = end.atOffset(ZoneOffset.UTC).plus(Period.parse("P" + datePart)).toInstant();
      }
      if (!timePart.isEmpty()) {
        end = end.plus(Duration.parse("PT" + timePart));
      }
      return end;
    } catch (DateTimeParseException | ArithmeticException e) {
      throw invalid(duration, property);
    }
  }

  private static RuleViolation invalid(String duration, String property) {
    return new RuleViolation(property, "Property '" + property + "' must be an ISO 8601 duration such as P30D or PT8H, not '"
        + duration + "'.");
  }
}
