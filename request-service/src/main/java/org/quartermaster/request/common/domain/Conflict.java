package org.quartermaster.request.common.domain;

import org.quartermaster.platform.domain.RuleViolation;

/** The request is well-formed but clashes with the current state (a duplicate, or a state that forbids it): HTTP 409. */
public class Conflict extends RuleViolation {

  public Conflict(String clause, String message) {
    super(clause, message);
  }
}
