/** End-to-end tests that drive the running system through the gateway, as Graph clients do. */
package org.quartermaster.e2e;
