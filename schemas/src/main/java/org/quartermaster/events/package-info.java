/** Quartermaster's event contract: topics and keys, the Avro wire format, and the generated event classes. */
package org.quartermaster.events;
