package org.quartermaster.extension.definitions.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.quartermaster.platform.domain.GraphEnum;

/** accessPackageCustomExtensionStage: when in a request's or assignment's life an extension is called. */
public enum Stage implements GraphEnum {
  ASSIGNMENT_REQUEST_CREATED("assignmentRequestCreated", null),
  ASSIGNMENT_REQUEST_APPROVED("assignmentRequestApproved", null),
  ASSIGNMENT_REQUEST_GRANTED("assignmentRequestGranted", null),
  ASSIGNMENT_REQUEST_REMOVED("assignmentRequestRemoved", null),
  ASSIGNMENT_FOURTEEN_DAYS_BEFORE_EXPIRATION("assignmentFourteenDaysBeforeExpiration", Duration.ofDays(14)),
  ASSIGNMENT_ONE_DAY_BEFORE_EXPIRATION("assignmentOneDayBeforeExpiration", Duration.ofDays(1));

  private final String graphName;
  private final Duration beforeExpiration;

  Stage(String graphName, Duration beforeExpiration) {
    this.graphName = graphName;
    this.beforeExpiration = beforeExpiration;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** For the pre-expiration stages, how long before the assignment's expiry they fire. */
  public Optional<Duration> beforeExpiration() {
    return Optional.ofNullable(beforeExpiration);
  }

  /** Only a request that has not been decided yet can be denied by its callback. */
  public boolean allowsDeny() {
    return this == ASSIGNMENT_REQUEST_CREATED || this == ASSIGNMENT_REQUEST_APPROVED;
  }

  /** The stage of a known name, in any case; empty for names Graph has but this enum does not. */
  public static Optional<Stage> lookup(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(stage -> stage.graphName.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }
}
