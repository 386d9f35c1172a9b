package org.quartermaster.request.common.domain;

import java.time.Instant;
import java.util.Optional;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * Graph's expirationPattern: never, at a date, or a duration after the start.
 *
 * @param duration ISO 8601, e.g. P30D; only for afterDuration
 */
public record Expiration(ExpirationType type, String duration, Instant endDateTime) {

  public static final Expiration NOT_SPECIFIED = new Expiration(ExpirationType.NOT_SPECIFIED, null, null);

  public Expiration {
    type = type == null ? ExpirationType.NOT_SPECIFIED : type;
  }

  public boolean specified() {
    return type != ExpirationType.NOT_SPECIFIED;
  }

  /** When an assignment starting at {@code start} ends under this pattern; empty means never. */
  public Optional<Instant> endFrom(Instant start, String property) {
    switch (type) {
      case AFTER_DURATION:
        if (duration == null || duration.isBlank()) {
          throw new RuleViolation(property, "Property '" + property + ".duration' is required when the type is afterDuration.");
        }
        return Optional.of(IsoDurations.after(start, duration, property + ".duration"));
      case AFTER_DATE_TIME:
        if (endDateTime == null) {
          throw new RuleViolation(property, "Property '" + property + ".endDateTime' is required when the type is afterDateTime.");
        }
        return Optional.of(endDateTime);
      default:
        return Optional.empty();
    }
  }

  /** How a refusal states the pattern, e.g. {@code afterDuration P30D}. */
  public String describe() {
    switch (type) {
      case AFTER_DURATION:
        return "afterDuration " + duration;
      case AFTER_DATE_TIME:
        return "afterDateTime " + endDateTime;
      default:
        return type.graphName();
    }
  }
}
