/** The shared test harness: services on the JVM's one Kafka and PostgreSQL, tokens, and topic taps. */
package org.quartermaster.testing;
