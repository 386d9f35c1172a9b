package org.quartermaster.policy.policies.domain;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * How long an assignment lasts, from an ISO-8601 duration such as {@code P30D}, {@code PT8H} or {@code P2W}. It is
 * kept in one canonical spelling ({@code P14D}, {@code P1DT2H}) that {@link Duration#parse} reads back, so every
 * consumer of the policy computes the same end. Years and months have no fixed length and are refused.
 */
public final class AssignmentDuration {

  private AssignmentDuration() {
  }

  /** The canonical spelling of a positive duration; {@code property} names the field in the refusal. */
  public static String canonical(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new RuleViolation(property, "Property '" + property + "' is required for expiration type 'afterDuration', "
          + "e.g. P30D or PT8H.");
    }
    Duration duration = parse(value.trim().toUpperCase(Locale.ROOT), value, property);
    if (duration.isNegative() || duration.isZero()) {
      throw new RuleViolation(property, "Property '" + property + "' must be a positive duration, not '" + value + "'.");
    }
    return format(duration);
  }

  public static Duration toDuration(String canonical) {
    return Duration.parse(canonical);
  }

  public static String format(Duration duration) {
    long days = duration.toDays();
    Duration rest = duration.minusDays(days);
    if (rest.isZero()) {
      return "P" + days + "D";
    }
    // Duration spells the rest PT…; the day part, if any, goes before its T.
    return (days > 0 ? "P" + days + "D" : "P") + rest.toString().substring(1);
  }

  private static Duration parse(String normalised, String original, String property) {
    try {
      return Duration.parse(normalised);
    } catch (DateTimeParseException notDaysAndTime) {
      try {
        Period period = Period.parse(normalised);
        if (period.getYears() != 0 || period.getMonths() != 0) {
          throw new RuleViolation(property, "Property '" + property + "' value '" + original + "' uses years or months, "
              + "which have no fixed length; give days instead, e.g. P365D.");
        }
        return Duration.ofDays(period.getDays());
      } catch (DateTimeParseException notAPeriod) {
        throw new RuleViolation(property, "Property '" + property + "' value '" + original + "' is not an ISO-8601 "
            + "duration such as P30D, PT8H or P1DT12H.");
      }
    }
  }
}
