package org.quartermaster.policy.policies.domain;

import java.util.List;

/** Who may ask for what under a policy: the targets themselves, and on-behalf requestors for others. */
public record RequestorSettings(
    boolean enableTargetsToSelfAddAccess,
    boolean enableTargetsToSelfUpdateAccess,
    boolean enableTargetsToSelfRemoveAccess,
    boolean allowCustomAssignmentSchedule,
    boolean enableOnBehalfRequestorsToAddAccess,
    boolean enableOnBehalfRequestorsToUpdateAccess,
    boolean enableOnBehalfRequestorsToRemoveAccess,
    List<SubjectSet> onBehalfRequestors) {

  public RequestorSettings {
    onBehalfRequestors = List.copyOf(onBehalfRequestors);
  }

  /** Nobody may request anything: an administrator-assignment-only policy. */
  public static RequestorSettings none() {
    return new RequestorSettings(false, false, false, false, false, false, false, List.of());
  }
}
