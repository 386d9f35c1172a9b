/**
 * Real Kafka and PostgreSQL for the devstack and test JVMs, so that nothing in Quartermaster is ever tested against a fake.
 */
package org.quartermaster.infra;
