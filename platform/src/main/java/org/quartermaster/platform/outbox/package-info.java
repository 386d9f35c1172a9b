/** The transactional outbox: events are stored with the state change that caused them and relayed to Kafka after commit. */
package org.quartermaster.platform.outbox;
