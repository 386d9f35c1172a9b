package org.quartermaster.request.common.domain;

import org.quartermaster.platform.domain.RuleViolation;

/** Something the request names does not exist (as far as this service's read models know): HTTP 404. */
public class NotFound extends RuleViolation {

  public NotFound(String clause, String message) {
    super(clause, message);
  }
}
