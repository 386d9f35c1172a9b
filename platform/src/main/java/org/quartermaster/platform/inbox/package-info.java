/** Idempotent consumption: each event is applied once per consumer, recorded in the same transaction as its effect. */
package org.quartermaster.platform.inbox;
