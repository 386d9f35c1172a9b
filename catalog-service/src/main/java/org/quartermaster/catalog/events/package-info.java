/** The catalog's outgoing events: domain events mapped to their Avro schemas and written to the outbox. */
package org.quartermaster.catalog.events;
