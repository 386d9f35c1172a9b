/** The policy service's outgoing events: domain events mapped to their Avro schemas and written to the outbox. */
package org.quartermaster.policy.events;
