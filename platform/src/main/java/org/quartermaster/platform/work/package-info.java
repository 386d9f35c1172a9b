/** Support for services' durable background workers: waking them as soon as the work they poll for is committed. */
package org.quartermaster.platform.work;
