package org.quartermaster.request.common.domain;

import org.quartermaster.platform.domain.RuleViolation;

/** The caller may not make this request: it is not the target, lacks the permission, or the policy excludes it. HTTP 403. */
public class NotAllowed extends RuleViolation {

  public NotAllowed(String clause, String message) {
    super(clause, message);
  }
}
