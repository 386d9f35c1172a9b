/** The one mapping of the gateway's domain events to their Avro form, appended to the outbox. */
package org.quartermaster.extension.events;
