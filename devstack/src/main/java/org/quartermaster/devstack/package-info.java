/** The one-command development stack: real Kafka and PostgreSQL, every service and the gateway in one JVM. */
package org.quartermaster.devstack;
