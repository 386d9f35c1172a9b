/** The worker that carries out pending grants and revokes durably, and the signal that wakes it after a commit. */
package org.quartermaster.provisioning.operations.application;
