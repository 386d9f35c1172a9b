package org.quartermaster.extension.common.domain;

/** The caller has no right to do this to this entity. */
public class NotAllowed extends RuntimeException {

  public NotAllowed(String message) {
    super(message);
  }
}
