package org.quartermaster.request.common.domain;

import org.quartermaster.platform.domain.RuleViolation;

/** A value Graph defines but Quartermaster does not implement yet; refused openly instead of pretending. */
public class NotSupported extends RuleViolation {

  public NotSupported(String clause, String message) {
    super(clause, message);
  }
}
