/** The poller that fires durable expiry timers on the service's clock. */
package org.quartermaster.provisioning.expiry.application;
