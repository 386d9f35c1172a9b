package org.quartermaster.request.separation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Access to a package that the target has, or is about to have, as far as separation of duties is concerned: an
 * assignment that is delivered or being delivered, or an add request on its way to delivery (or delivered, while its
 * assignment has not reached this service's read model yet).
 *
 * @param id the assignment's or the request's id
 * @param state the assignment's or the request's v1.0 state
 * @param since the assignment's start, or when the request was made (or delivered)
 */
public record Holding(Source source, UUID id, UUID accessPackageId, String state, Instant since) {

  /** Where the holding was found. */
  public enum Source {
    ASSIGNMENT,
    REQUEST
  }

  /** Shown in a refusal: what the target has and since when, so an administrator knows what to remove. */
  String describe() {
    if (source == Source.ASSIGNMENT) {
      return "delivering".equals(state)
          ? "assigned from " + since + " and being delivered (assignment '" + id + "')"
          : "held since " + since + " (assignment '" + id + "')";
    }
    return switch (state) {
      case "delivered", "partiallyDelivered" -> "held since " + since + " (delivered by request '" + id + "')";
      case "scheduled" -> "requested in '" + id + "' which is scheduled for delivery";
      default -> "requested in '" + id + "' which is being delivered";
    };
  }
}
