/** A minimal service on the platform, started by the platform's tests against real Kafka and PostgreSQL. */
package org.quartermaster.platform.testapp;
