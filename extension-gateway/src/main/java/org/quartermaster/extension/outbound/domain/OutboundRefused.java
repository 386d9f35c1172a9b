package org.quartermaster.extension.outbound.domain;

/** An endpoint the outbound policy does not allow; the message says which rule refused it. */
public class OutboundRefused extends RuntimeException {

  public OutboundRefused(String message) {
    super(message);
  }
}
