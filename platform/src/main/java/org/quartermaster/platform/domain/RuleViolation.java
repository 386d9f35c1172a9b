package org.quartermaster.platform.domain;

/**
 * A command broke a domain rule. {@code clause} names the property or rule, so the client's error
 * says exactly which part of its request to fix.
 */
public class RuleViolation extends RuntimeException {

  private final String clause;

  public RuleViolation(String clause, String message) {
    super(message);
    this.clause = clause;
  }

  public String clause() {
    return clause;
  }
}
