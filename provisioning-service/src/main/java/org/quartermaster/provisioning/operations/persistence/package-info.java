/** The pending-operations table, claimed with FOR UPDATE SKIP LOCKED. */
package org.quartermaster.provisioning.operations.persistence;
