package org.quartermaster.policy.policies.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * Graph's expirationPattern: when assignments made under a policy end.
 *
 * @param duration canonical ISO-8601, for afterDuration only
 * @param endDateTime for afterDateTime only
 */
public record Expiration(ExpirationType type, String duration, Instant endDateTime) {

  static final String CLAUSE = "expiration";

  public static Expiration notSpecified() {
    return new Expiration(ExpirationType.NOT_SPECIFIED, null, null);
  }

  public static Expiration never() {
    return new Expiration(ExpirationType.NO_EXPIRATION, null, null);
  }

  public static Expiration after(Duration duration) {
    return new Expiration(ExpirationType.AFTER_DURATION, AssignmentDuration.format(duration), null);
  }

  public static Expiration at(Instant endDateTime) {
    return new Expiration(ExpirationType.AFTER_DATE_TIME, null, endDateTime);
  }

  /**
   * Reads a v1.0 expirationPattern. A missing type is inferred from what is given, so {@code {"duration": "P30D"}}
   * means afterDuration; a value that contradicts the type is refused rather than dropped.
   */
  public static Expiration parse(String type, String duration, Instant endDateTime) {
    ExpirationType parsed = type != null ? GraphEnum.parse(ExpirationType.class, type, CLAUSE + ".type")
        : duration != null ? ExpirationType.AFTER_DURATION
        : endDateTime != null ? ExpirationType.AFTER_DATE_TIME
        : ExpirationType.NOT_SPECIFIED;
    switch (parsed) {
      case AFTER_DURATION:
        forbid(endDateTime != null, "endDateTime", parsed);
        return new Expiration(parsed, AssignmentDuration.canonical(duration, CLAUSE + ".duration"), null);
      case AFTER_DATE_TIME:
        forbid(duration != null, "duration", parsed);
        if (endDateTime == null) {
          throw new RuleViolation(CLAUSE + ".endDateTime",
              "Property 'expiration.endDateTime' is required for expiration type 'afterDateTime'.");
        }
        return at(endDateTime);
      default:
        forbid(duration != null, "duration", parsed);
        forbid(endDateTime != null, "endDateTime", parsed);
        return new Expiration(parsed, null, null);
    }
  }

  /** An end date must lie ahead when it is set; one that merely stayed the same on a replace is not re-judged. */
  void checkEndIsAhead(Instant now) {
    if (type == ExpirationType.AFTER_DATE_TIME && !endDateTime.isAfter(now)) {
      throw new RuleViolation(CLAUSE + ".endDateTime", "Property 'expiration.endDateTime' (" + endDateTime
          + ") must be in the future.");
    }
  }

  public Optional<Duration> asDuration() {
    return duration == null ? Optional.empty() : Optional.of(AssignmentDuration.toDuration(duration));
  }

  private static void forbid(boolean present, String property, ExpirationType type) {
    if (present) {
      throw new RuleViolation(CLAUSE + "." + property, "Property 'expiration." + property
          + "' does not apply to expiration type '" + type.graphName() + "'.");
    }
  }
}
