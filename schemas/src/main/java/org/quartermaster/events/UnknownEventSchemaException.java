package org.quartermaster.events;

import org.apache.avro.message.MissingSchemaException;

/**
 * A payload names a writer schema (by fingerprint) that this codec does not know.
 *
 * <p>Usually the producer runs a newer schemas release than the consumer: upgrade consumers first (see ADR 0005).
 * It extends Avro's own {@link MissingSchemaException} so generic Avro error handling also catches it.
 */
public class UnknownEventSchemaException extends MissingSchemaException {

  private final long fingerprint;

  public UnknownEventSchemaException(long fingerprint) {
    super(String.format(
        "Unknown event writer schema, fingerprint %016x: the payload was written with a schema this service does not "
            + "know (not a Quartermaster event, or written by a newer schemas release; upgrade consumers first)",
        fingerprint));
    this.fingerprint = fingerprint;
  }

  /** The CRC-64-AVRO parsing fingerprint found in the payload header. */
  public long fingerprint() {
    return fingerprint;
  }
}
