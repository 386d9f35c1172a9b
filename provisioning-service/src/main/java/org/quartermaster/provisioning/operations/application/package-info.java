/** The worker that carries out pending grants and revokes durably, woken by the operation signal after a commit. */
package org.quartermaster.provisioning.operations.application;
