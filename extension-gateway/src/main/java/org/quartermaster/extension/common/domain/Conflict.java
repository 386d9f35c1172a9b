package org.quartermaster.extension.common.domain;

/** The command is valid but the entity's state does not allow it (e.g. deleting a bound extension, a second resume). */
public class Conflict extends RuntimeException {

  public Conflict(String message) {
    super(message);
  }
}
