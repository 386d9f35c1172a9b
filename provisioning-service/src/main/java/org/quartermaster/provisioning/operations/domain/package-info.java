/** Durable grant and revoke operations on target systems. */
package org.quartermaster.provisioning.operations.domain;
