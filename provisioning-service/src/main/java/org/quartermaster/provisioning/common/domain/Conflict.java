package org.quartermaster.provisioning.common.domain;

/** A command that the current state does not allow, e.g. reprocessing an expired assignment; answered 409. */
public class Conflict extends RuntimeException {

  public Conflict(String message) {
    super(message);
  }
}
