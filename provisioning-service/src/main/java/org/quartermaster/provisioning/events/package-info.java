/** Provisioning's outgoing events: assignment events mapped to their Avro schemas and written to the outbox. */
package org.quartermaster.provisioning.events;
