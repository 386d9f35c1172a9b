/** The request service's outgoing events: request events mapped to their Avro schemas and written to the outbox. */
package org.quartermaster.request.events;
