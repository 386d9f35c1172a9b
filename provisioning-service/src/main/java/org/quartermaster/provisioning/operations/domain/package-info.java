/** Durable grant and revoke operations on target systems, and how long to wait before retrying one. */
package org.quartermaster.provisioning.operations.domain;
