package org.quartermaster.provisioning.operations.domain;

import java.time.Instant;
import java.util.UUID;
import org.quartermaster.provisioning.assignments.domain.RoleDefinition;

/**
 * A grant or revoke a target system still has to carry out, kept in the database until it has: a restart resumes it,
 * and a failure only postpones it.
 *
 * @param reassert a grant of a role believed held already (reprocessing a delivered assignment)
 * @param correlationId the correlation id of the request that caused it, carried into the events it leads to
 */
public record PendingOperation(long id, OperationKind kind, UUID assignmentId, UUID targetId, RoleDefinition role,
    boolean reassert, Instant dueAt, int attempts, String lastError, String correlationId) {
}
