/** The durable expiry timers table. */
package org.quartermaster.provisioning.expiry.persistence;
