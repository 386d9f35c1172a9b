/** Support for services' durable background workers: waking them when their work is committed, and sweeping due timers. */
package org.quartermaster.platform.work;
