package org.quartermaster.policy.common.domain;

import java.time.Instant;

/** Who created and last changed an entity, and when; beta shows the names, v1.0 only the times. */
public record Audit(Instant createdDateTime, String createdBy, Instant modifiedDateTime, String modifiedBy) {

  public static Audit created(Instant now, String actor) {
    return new Audit(now, actor, now, actor);
  }

  public Audit modified(Instant now, String actor) {
    return new Audit(createdDateTime, createdBy, now, actor);
  }
}
